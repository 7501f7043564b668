import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeEvent, type DescribableEvent } from "./describe-event";

const ev = (action: string, details: unknown = null, extra: Partial<DescribableEvent> = {}): DescribableEvent => ({
  action,
  result: "SUCCEEDED",
  target: "INC-1042",
  details,
  ...extra,
});
const say = (e: DescribableEvent) => describeEvent(e).sentence;

describe("audit events in words", () => {
  it("says what changed in the ticket, with the facts the event holds", () => {
    expect(say(ev("ticket.created", { severity: "HIGH", symptoms: ["Bulk mail", "MFA disabled"] }))).toBe(
      "Incident reported (severity high): Bulk mail, MFA disabled",
    );
    expect(say(ev("ticket.status_changed", { from: "RESOLVED", to: "CLOSED", note: null }))).toBe("Status changed from Resolved to Closed");
    expect(say(ev("ticket.status_changed", { from: "TRIAGED", to: "CONTAINED", reason: "Containment verified" }))).toBe(
      "Status changed from Triaged to Contained (Containment verified)",
    );
    expect(say(ev("ticket.status_changed", { from: "CLOSED", to: "REOPENED", note: null, reason: "The consent was missed" }))).toBe(
      "Status changed from Closed to Reopened: reason “The consent was missed”",
    );
    expect(say(ev("ticket.assigned", { assignee: "Riya Shah" }))).toBe("Assigned to Riya Shah");
    expect(say(ev("ticket.assigned", { assignee: null }))).toBe("Unassigned");
    expect(say(ev("ticket.outcome_updated", { revision: true }))).toBe("Outcome revised after the report was returned");
    expect(
      say(ev("ticket.intake_edited", { changes: { title: { from: "Old", to: "New" }, symptoms: { from: ["A"], to: ["A", "B"] } } })),
    ).toBe("Intake edited: title “Old” → “New”; symptoms “A” → “A, B”");
    expect(
      say(
        ev("ticket.impact_assessed", {
          severity: { from: "HIGH", to: "CRITICAL" },
          personalDataInvolved: true,
          levels: { a: "HIGH", b: "NONE", c: "LOW" },
        }),
      ),
    ).toBe("Business impact assessed: 2 categories rated; severity high → critical; personal data may be involved");
  });

  it("names the advisory's domain, the approval's step and the trace's numbers", () => {
    expect(
      say(
        ev(
          "advisory.drafted",
          {
            domains: [
              { domain: "gmail.com", messages: 420 },
              { domain: "yahoo.com", messages: 3 },
            ],
          },
          { target: "gmail.com, yahoo.com" },
        ),
      ),
    ).toBe("Advisories drafted for gmail.com, yahoo.com");
    expect(
      say(
        ev("advisory.sent", { via: "graph", from: "security@contoso.example", toAddresses: ["abuse@gmail.com"] }, { target: "gmail.com" }),
      ),
    ).toBe("Advisory sent for gmail.com to abuse@gmail.com through Graph from security@contoso.example");
    expect(say(ev("advisory.sent", { via: "copy", toAddresses: ["postmaster@yahoo.com"] }, { target: "yahoo.com" }))).toBe(
      "Advisory sent for yahoo.com to postmaster@yahoo.com (copied by the engineer)",
    );
    expect(say(ev("advisory.sent", { via: "graph", error: "UPSTREAM_ERROR" }, { target: "gmail.com", result: "FAILED" }))).toBe(
      "Advisory not sent for gmail.com (upstream error)",
    );
    expect(say(ev("advisory.acknowledged", null, { target: "gmail.com" }))).toBe("Advisory acknowledged by the admins of gmail.com");
    expect(say(ev("approval.requested", { step: "block-sign-in", why: "Privileged account" }))).toBe(
      "Approval requested for “Block sign-in”: Privileged account",
    );
    expect(say(ev("approval.rejected", { step: "reset-password", reason: "Wrong user" }))).toBe(
      "Approval refused for “Reset the password (change at next sign-in)”: Wrong user",
    );
    expect(
      say(
        ev("message-trace.run", {
          window: { start: "2026-11-20T00:00:00.000Z", end: "2026-11-24T10:00:00.000Z" },
          messages: 470,
          domains: [{}, {}, {}],
        }),
      ),
    ).toBe("Message trace run: 470 messages to 3 domains, 2026-11-20 00:00 UTC to 2026-11-24 10:00 UTC");
    expect(say(ev("message-trace.run", { error: "UPSTREAM_UNAVAILABLE" }, { result: "FAILED" }))).toBe(
      "Message trace failed (upstream unavailable)",
    );
    expect(say(ev("mfa-coverage.checked", { totalUsers: 50, mfaRegistered: 41, adminsWithoutMfa: 2 }))).toBe(
      "MFA coverage checked: 41 of 50 users registered, 2 admins without MFA",
    );
  });

  it("tells a verified step from a failed or unverified one", () => {
    expect(say(ev("remediation.block-sign-in", { verified: true, observed: "accountEnabled is false" }))).toBe(
      "Block sign-in: done; verified: accountEnabled is false",
    );
    expect(say(ev("remediation.revoke-sessions", { verified: false, observed: "a refresh token still works" }))).toBe(
      "Sign out of all sessions: not verified: a refresh token still works",
    );
    expect(say(ev("remediation.reset-password", { error: "Insufficient privileges" }, { result: "FAILED" }))).toBe(
      "Reset the password (change at next sign-in): failed: Insufficient privileges",
    );
    expect(say(ev("remediation.started", { steps: ["block-sign-in", "revoke-sessions"] }, { result: "PENDING" }))).toBe(
      "Remediation started: Block sign-in, Sign out of all sessions",
    );
    expect(say(ev("checklist.not_applicable", { step: "disable-forwarding", note: "No forwarding set" }))).toBe(
      "Check and remove mailbox forwarding marked not applicable (No forwarding set)",
    );
    expect(say(ev("investigation.snapshot", { gaps: ["risk", "signIns"] }))).toBe(
      "Evidence snapshot taken (could not read: risk state, sign-ins)",
    );
    expect(say(ev("report.returned", { version: 1, comments: "Name the consent." }))).toBe(
      "Report returned (version 1): “Name the consent.”",
    );
  });

  it("names the rule, method or consent a per-item step acted on, when the details hold it", () => {
    const names = new Map([
      ["r1", "rule “..”"],
      ["m1", "phone +234 800 000 0000"],
      ["g1", "consent of Mail Sync Pro"],
    ]);
    // As recorded today (step keys only): the step, without an invented item.
    expect(say(ev("remediation.started", { steps: ["remove-inbox-rules"], approvalId: null }, { result: "PENDING" }))).toBe(
      "Remediation started: Remove malicious inbox rules",
    );
    // With the items' params: each item named from the snapshot's findings.
    const started = ev(
      "remediation.started",
      { steps: ["remove-inbox-rules"], items: [{ step: "remove-inbox-rules", params: { ruleId: "r1" } }] },
      { result: "PENDING" },
    );
    expect(describeEvent(started, names).sentence).toBe("Remediation started: Remove malicious inbox rules (rule “..”)");
    expect(
      describeEvent(
        ev(
          "remediation.started",
          { steps: ["remove-auth-methods"], params: { methodId: "m1", methodKind: "phone" } },
          { result: "PENDING" },
        ),
        names,
      ).sentence,
    ).toBe("Remediation started: Remove attacker-registered sign-in methods (phone +234 800 000 0000)");
    expect(
      describeEvent(
        ev("remediation.revoke-oauth-grants", { verified: true, observed: "The consent is revoked", params: { grantId: "g1" } }),
        names,
      ).sentence,
    ).toBe("Revoke suspicious app consents (consent of Mail Sync Pro): done; verified: The consent is revoked");
    // A recorded label wins; an id nobody names stays unnamed rather than shown raw.
    expect(
      say(ev("remediation.remove-inbox-rules", { verified: true, observed: "The rule is gone from the inbox", item: "rule “RSS”" })),
    ).toBe("Remove malicious inbox rules (rule “RSS”): done; verified: The rule is gone from the inbox");
    expect(
      describeEvent(ev("remediation.remove-inbox-rules", { verified: true, observed: "gone", params: { ruleId: "zzz" } }), names).sentence,
    ).toBe("Remove malicious inbox rules: done; verified: gone");
    expect(
      describeEvent(ev("approval.requested", { step: "remove-inbox-rules", params: { ruleId: "r1" }, why: "Tenant policy" }), names)
        .sentence,
    ).toBe("Approval requested for “Remove malicious inbox rules” (rule “..”): Tenant policy");
  });

  it("puts stored keys into words: symptoms, roles", () => {
    expect(say(ev("ticket.intake_edited", { changes: { symptoms: { from: ["BULK_MAIL"], to: ["BULK_MAIL", "MFA_DISABLED"] } } }))).toBe(
      "Intake edited: symptoms “The account sent bulk or spam email” → “The account sent bulk or spam email, Multi-factor authentication was not enabled on the account”",
    );
    expect(say(ev("user.role_changed", { from: "TENANT_ADMIN", to: "ENGINEER" }, { target: "a@b" }))).toBe(
      "Role changed for a@b: tenant admin → support engineer",
    );
    expect(say(ev("user.tenants_changed", { serves: ["Contoso", "Fabrikam"] }, { target: "e@b" }))).toBe(
      "Tenants served changed for e@b: Contoso, Fabrikam",
    );
    expect(say(ev("user.tenants_changed", { serves: "all tenants" }, { target: "e@b" }))).toBe(
      "Tenants served changed for e@b: all tenants",
    );
  });

  it("keeps an unknown action readable and says when something failed", () => {
    expect(describeEvent(ev("widget.frobbed_twice", null, { result: "FAILED" }))).toEqual({
      label: "Widget frobbed twice",
      sentence: "Widget frobbed twice: INC-1042 — failed",
      known: false,
    });
    expect(say(ev("ticket.status_changed", "not an object"))).toBe("Status changed from ? to ?");
  });

  it("tells a campaign's and the alerts' events in words", () => {
    expect(say(ev("campaign.accounts_added", { added: 3, source: "CSV" }))).toBe("Accounts added to the campaign: 3 accounts (csv)");
    expect(say(ev("campaign.containment_started", { accounts: 50, steps: 200 }))).toBe(
      "Campaign containment started: 50 accounts, 200 steps queued",
    );
    expect(say(ev("campaign.stopped", { steps: 1 }))).toBe("Campaign containment stopped: 1 queued step cancelled");
    expect(say(ev("alert.attached", { alerts: 2 }))).toBe("Microsoft security alert attached: 2 alerts");
    expect(say(ev("tenant.alert_mode_set", { mode: "SUGGEST" }))).toBe("Alert handling changed: suggest tickets to engineers");
  });

  it("tells how a tenant was connected, set up and disconnected", () => {
    expect(say(ev("tenant.consented", { entraTenantId: "2f4a" }, { target: "northwind.example" }))).toBe(
      "Microsoft 365 connected by admin consent (Entra tenant 2f4a)",
    );
    expect(say(ev("tenant.consent_failed", { error: "access_denied" }, { result: "FAILED" }))).toBe(
      "Admin consent not given: Microsoft answered access_denied",
    );
    expect(
      say(
        ev("tenant.setup", {
          steps: [
            { step: "userAdministrator", ok: true },
            { step: "messageTrace", ok: true },
          ],
        }),
      ),
    ).toBe("Connection set up (2 steps)");
    expect(say(ev("tenant.disconnected", null, { target: "northwind.example" }))).toBe("Microsoft 365 disconnected: northwind.example");
  });

  it("describes every action key the code records", () => {
    const keys = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          for (const m of fs.readFileSync(file, "utf8").matchAll(/action: [`"]([a-z-]+\.[a-z_-]*)/g)) keys.add(m[1]!);
        }
      }
    };
    walk(path.join(process.cwd(), "lib"));
    expect(keys.size).toBeGreaterThan(30);
    // Template keys (remediation.${step}, checklist.${state}, report.${decision}) with a sample suffix.
    const sample = (k: string) =>
      k.endsWith(".") ? `${k}${k.startsWith("report") ? "approved" : k.startsWith("checklist") ? "done" : "block-sign-in"}` : k;
    const unknown = [...keys].map(sample).filter((k) => !describeEvent(ev(k)).known);
    expect(unknown).toEqual([]);
  });
});
