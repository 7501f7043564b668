// What was done on the demo tickets that are already worked, so their stages agree with their
// status: a contained or closed ticket has its containment settled, a closed one its outcome.
// Automated steps done outside Breachdesk are recorded as the app would record them — set aside
// with the reason — never as Graph runs that did not happen.
import type { Prisma } from "@/generated/prisma/client";
import type { AuditInput } from "@/lib/audit/record";
import type { ImpactCategory, ImpactLevel } from "@/lib/impact/categories";

type Settled = [state: "DONE" | "SKIPPED" | "NOT_APPLICABLE", note: string];
export type DemoWork = {
  steps: Record<string, Settled>;
  impacts: [ImpactCategory, ImpactLevel, string][];
  outcome?: { outcomeSummary: string; lessonsLearned?: string; closureReason: string };
};

const byTenantIt = (tenant: string) => `Done by ${tenant} IT in the Microsoft 365 admin center before the ticket reached support`;
const containedByTenant = (tenant: string, revoke: Settled): Record<string, Settled> => ({
  "reset-password": ["SKIPPED", byTenantIt(tenant)],
  "enforce-mfa": ["SKIPPED", byTenantIt(tenant)],
  "block-sign-in": ["SKIPPED", byTenantIt(tenant)],
  "revoke-sessions": revoke,
});

export const DEMO_WORK: Record<string, DemoWork> = {
  "alex@contoso.example": {
    steps: {
      snapshot: ["SKIPPED", "Contoso IT had already removed the rule; nothing of the attack was left to collect"],
      ...containedByTenant("Contoso", ["SKIPPED", byTenantIt("Contoso")]),
      "remove-inbox-rules": ["SKIPPED", "Contoso IT deleted the rule “Delete replies” in Outlook on the web"],
      "disable-forwarding": ["DONE", "Get-Mailbox: no ForwardingSmtpAddress, DeliverToMailboxAndForward False"],
    },
    impacts: [["SECURITY_RISK", "LOW", "The rule hid replies for two days; no mail was sent from the account"]],
    outcome: {
      outcomeSummary:
        "Contoso IT reset the password, turned on MFA and deleted the rule that hid replies; no forwarding was set and no mail was sent from the account.",
      closureReason: "Resolved",
    },
  },
  "lee@contoso.example": {
    steps: {
      snapshot: ["SKIPPED", "Reported after Contoso IT had revoked the consent; nothing of the attack was left to collect"],
      ...containedByTenant("Contoso", ["SKIPPED", byTenantIt("Contoso")]),
      "remove-inbox-rules": ["NOT_APPLICABLE", "No inbox rules on the mailbox"],
      "revoke-oauth-grants": ["SKIPPED", "Contoso IT revoked the consent to “PDF Converter Online” in the Entra admin center"],
      "disable-forwarding": ["DONE", "Get-Mailbox: no forwarding set"],
    },
    impacts: [
      ["SECURITY_RISK", "MEDIUM", "The app could read Lee's mail for about a day"],
      ["REGULATORY", "LOW", "No personal data found in the mail the app could read"],
    ],
    outcome: {
      outcomeSummary: "Contoso IT revoked the app's consent, reset the password and turned on MFA; the mailbox had no rules or forwarding.",
      closureReason: "Resolved",
    },
  },
  "lidia@fabrikam.example": {
    steps: {
      snapshot: [
        "SKIPPED",
        "Fabrikam has no Entra ID P1 licence, so the sign-in logs cannot be read; Fabrikam IT exported what the portal shows",
      ],
      ...containedByTenant("Fabrikam", [
        "SKIPPED",
        "The app lacks User.RevokeSessions.All in Fabrikam; Fabrikam IT revoked the sessions in the Entra admin center",
      ]),
    },
    impacts: [
      ["LOSS_OF_TRUST", "HIGH", "Partners received phishing from the finance mailbox"],
      ["SENDER_REPUTATION", "MEDIUM", "Two partners reported the mail as spam"],
    ],
  },
  "diego@fabrikam.example": {
    steps: {
      snapshot: ["SKIPPED", "Fabrikam has no Entra ID P1 licence, so the sign-in logs cannot be read"],
      ...containedByTenant("Fabrikam", [
        "SKIPPED",
        "The app lacks User.RevokeSessions.All in Fabrikam; Fabrikam IT revoked the sessions in the Entra admin center",
      ]),
      "remove-inbox-rules": ["NOT_APPLICABLE", "No inbox rules on the mailbox"],
      "remove-auth-methods": ["SKIPPED", "Fabrikam IT removed the phone number Diego did not add"],
    },
    impacts: [["SECURITY_RISK", "MEDIUM", "An unknown phone could approve sign-ins until it was removed"]],
  },
};

/** Rows and history events for one worked demo ticket, at the times of its history. */
export function workRows(
  work: DemoWork,
  t: { id: string; tenantId: string; target: string; engineerId: string; containedAt: Date | null; resolvedAt: Date | null },
) {
  const at = (key: string) =>
    (key === "disable-forwarding" || key === "remove-auth-methods" || key === "remove-inbox-rules" || key === "revoke-oauth-grants"
      ? (t.resolvedAt ?? t.containedAt)
      : t.containedAt) ?? new Date();
  const steps: Prisma.ChecklistStepCreateManyInput[] = Object.entries(work.steps).map(([key, [state, note]]) => ({
    ticketId: t.id,
    key,
    state,
    doneById: t.engineerId,
    doneAt: at(key),
    reason: state === "DONE" ? null : note,
    notes: state === "DONE" ? note : null,
  }));
  const impacts: Prisma.ImpactAssessmentCreateManyInput[] = work.impacts.map(([category, level, notes]) => ({
    ticketId: t.id,
    category,
    level,
    notes,
  }));
  const events: AuditInput[] = Object.entries(work.steps).map(([key, [state, note]]) => ({
    actorId: t.engineerId,
    tenantId: t.tenantId,
    ticketId: t.id,
    target: t.target,
    at: at(key),
    action: `checklist.${state.toLowerCase()}`,
    details: { step: key, note },
  }));
  return { steps, impacts, events };
}
