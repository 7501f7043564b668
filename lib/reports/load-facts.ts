import type { Prisma } from "@/generated/prisma/client";
import { describeEvent } from "@/lib/audit/describe-event";
import { IMPACT_CATEGORIES, type ImpactCategory } from "@/lib/impact/categories";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { formatTicketNumber } from "@/lib/tickets/format";
import { SYMPTOMS, type Symptom } from "@/lib/tickets/symptoms";
import type { ReportFacts } from "./compose-report";
import { investigationFacts } from "./investigation-facts";

// Reads everything the report needs, inside the caller's transaction (the close), so the
// snapshot matches the ticket exactly as it was closed.
export async function loadReportFacts(tx: Prisma.TransactionClient, ticketId: string): Promise<ReportFacts> {
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: { tenant: { select: { displayName: true } }, reporter: { select: { name: true } }, assignee: { select: { name: true } } },
  });
  const [users, domains, impacts, steps, actions, trace, advisories, preventive, mfa, snapshot, events, people] = await Promise.all([
    tx.affectedUser.findMany({ where: { ticketId }, select: { upn: true, displayName: true } }),
    tx.recipientDomain.findMany({ where: { ticketId }, orderBy: { messageCount: "desc" }, select: { domain: true, isInternal: true, messageCount: true, recipientCount: true } }),
    tx.impactAssessment.findMany({ where: { ticketId }, select: { category: true, level: true, notes: true } }),
    tx.checklistStep.findMany({ where: { ticketId } }),
    tx.remediationAction.findMany({ where: { ticketId }, select: { id: true, requestIds: true, verified: true, verification: true, errorMessage: true } }),
    tx.messageTraceEntry.groupBy({ by: ["status"], where: { ticketId }, _count: { _all: true } }),
    tx.advisory.findMany({ where: { ticketId }, select: { domain: true, status: true, sentAt: true } }),
    tx.preventiveItem.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" }, select: { title: true, owner: true, status: true } }),
    tx.mfaCoverageCheck.findFirst({ where: { ticketId }, orderBy: { checkedAt: "desc" } }),
    tx.investigationSnapshot.findFirst({ where: { ticketId }, orderBy: { takenAt: "desc" }, select: { takenAt: true, findings: true, data: true, gaps: true } }),
    // Comments and the review process are not part of the incident's history.
    tx.auditEvent.findMany({
      where: { ticketId, NOT: [{ action: { startsWith: "comment." } }, { action: { startsWith: "report." } }] },
      orderBy: { seq: "asc" },
      select: { at: true, action: true, result: true, target: true, actor: { select: { name: true } }, details: true },
    }),
    tx.user.findMany({ select: { id: true, name: true } }),
  ]);
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  return {
    ticket: {
      number: formatTicketNumber(t.number), title: t.title, tenant: t.tenant.displayName, affectedUpn: t.affectedUpn, severity: t.severity,
      symptoms: t.symptoms.map((s) => SYMPTOMS[s as Symptom] ?? s), symptomsNote: t.symptomsNote, detectedAt: t.detectedAt, reportedAt: t.createdAt,
      reporter: t.reporter.name, assignee: t.assignee?.name ?? null, firstResponseAt: t.firstResponseAt, containedAt: t.containedAt, resolvedAt: t.resolvedAt,
      closedAt: t.closedAt, firstSuspiciousAt: t.firstSuspiciousAt, outcomeSummary: t.outcomeSummary, lessonsLearned: t.lessonsLearned, closureReason: t.closureReason,
      personalDataInvolved: t.personalDataInvolved, notificationDeadline: t.notificationDeadline,
    },
    affectedUsers: users,
    recipientDomains: domains,
    impacts: impacts.filter((i) => i.level !== "NONE").map((i) => ({ title: IMPACT_CATEGORIES[i.category as ImpactCategory]?.title ?? i.category, level: i.level, notes: i.notes })),
    steps: CHECKLIST_STEPS.flatMap((def) => {
      const s = steps.find((x) => x.key === def.key);
      if (!s) return [];
      const a = actions.find((x) => x.id === s.lastActionId);
      return [{ title: def.title, phase: def.phase, state: s.state, reason: s.reason, notes: s.notes, doneBy: name(s.doneById), doneAt: s.doneAt, requestIds: a?.requestIds ?? [], verified: a?.verified ?? null, observed: (a?.verification as { observed?: string } | null)?.observed ?? null, error: a?.errorMessage ?? null }];
    }),
    traceStatusCounts: trace.length ? Object.fromEntries(trace.map((r) => [r.status, r._count._all])) : null,
    advisories,
    preventive,
    mfa: mfa ? { checkedAt: mfa.checkedAt, totalUsers: mfa.totalUsers, mfaRegistered: mfa.mfaRegistered, adminsWithoutMfa: mfa.adminsWithoutMfa } : null,
    investigation: snapshot ? investigationFacts(snapshot) : null,
    timeline: events.map((e) => ({ at: e.at, what: describeEvent(e).sentence, who: e.actor?.name ?? null })),
  };
}
