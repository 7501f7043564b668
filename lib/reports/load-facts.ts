import { campaignReportLines } from "@/lib/campaigns/report-lines";
import type { Prisma } from "@/generated/prisma/client";
import { describeEvent } from "@/lib/timeline/describe-event";
import { IMPACT_CATEGORIES, type ImpactCategory } from "@/lib/impact/categories";
import { flaggedItems, goneItemIds } from "@/lib/remediation/eradication";
import { mfaWarning } from "@/lib/remediation/mfa-warning";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { formatTicketNumber } from "@/lib/tickets/format";
import { SYMPTOMS, type Symptom } from "@/lib/tickets/symptoms";
import type { ReportFacts, ReportStep } from "./compose-report";
import { investigationFacts, itemNames } from "./investigation-facts";

// Reads everything the report needs, inside the caller's transaction (the close), so the
// snapshot matches the ticket exactly as it was closed.

type Action = {
  id: string;
  kind: string;
  params: unknown;
  status: string;
  requestIds: string[];
  verified: boolean | null;
  verification: unknown;
  errorMessage: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  requestedById: string | null;
};
type StepRow = {
  key: string;
  state: string;
  reason: string | null;
  notes: string | null;
  doneById: string | null;
  doneAt: Date | null;
  lastActionId: string | null;
};

/** A stored run in words: an accepted write is done only once a read confirmed it. */
const actionState = (a: Action) =>
  a.status === "SUCCEEDED" ? (a.verified === true ? "DONE" : "UNCONFIRMED") : a.status === "PENDING" ? "RUNNING" : a.status;
const observedOf = (a: Action | undefined) => (a?.verification as { observed?: string } | null)?.observed ?? null;
/** The id of the item a per-item step (rule, method, consent) acted on. */
const itemIdOf = (params: unknown) => {
  const p = (params ?? {}) as { ruleId?: unknown; methodId?: unknown; grantId?: unknown };
  const id = p.ruleId ?? p.methodId ?? p.grantId;
  return typeof id === "string" && id ? id : null;
};

/** Section 4's lines: one per step, or — for a step run per item — one per item, from its latest run. */
function reportSteps(
  steps: StepRow[],
  actions: Action[],
  names: Map<string, string>,
  name: (id: string | null) => string | null,
): ReportStep[] {
  return CHECKLIST_STEPS.flatMap((def) => {
    const s = steps.find((x) => x.key === def.key);
    if (!s) return [];
    const latestPerItem = new Map<string, Action>();
    for (const a of actions.filter((x) => x.kind === def.key).sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime())) {
      const id = itemIdOf(a.params);
      if (id) latestPerItem.set(id, a);
    }
    if (latestPerItem.size > 0) {
      return [...latestPerItem].map(([id, a]) => ({
        title: def.title,
        phase: def.phase,
        item: names.get(id) ?? "an item no snapshot names",
        state: actionState(a),
        reason: null,
        notes: null,
        doneBy: name(a.requestedById),
        doneAt: a.finishedAt ?? a.startedAt,
        requestIds: a.requestIds,
        verified: a.verified,
        observed: observedOf(a),
        error: a.errorMessage,
      }));
    }
    const a = actions.find((x) => x.id === s.lastActionId);
    return [
      {
        title: def.title,
        phase: def.phase,
        state: s.state,
        reason: s.reason,
        notes: s.notes,
        doneBy: name(s.doneById),
        doneAt: s.doneAt,
        requestIds: a?.requestIds ?? [],
        verified: a?.verified ?? null,
        observed: observedOf(a),
        error: a?.errorMessage ?? null,
      },
    ];
  });
}

export async function loadReportFacts(tx: Prisma.TransactionClient, ticketId: string): Promise<ReportFacts> {
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: { tenant: { select: { displayName: true } }, reporter: { select: { name: true } }, assignee: { select: { name: true } } },
  });
  const [users, domains, impacts, steps, actions, trace, advisories, preventive, mfa, snapshots, events, people] = await Promise.all([
    tx.affectedUser.findMany({ where: { ticketId }, select: { upn: true, displayName: true } }),
    tx.recipientDomain.findMany({
      where: { ticketId },
      orderBy: { messageCount: "desc" },
      select: { domain: true, isInternal: true, messageCount: true, recipientCount: true },
    }),
    tx.impactAssessment.findMany({ where: { ticketId }, select: { category: true, level: true, notes: true } }),
    tx.checklistStep.findMany({
      where: { ticketId },
      select: { key: true, state: true, reason: true, notes: true, doneById: true, doneAt: true, lastActionId: true },
    }),
    tx.remediationAction.findMany({
      where: { ticketId },
      select: {
        id: true,
        kind: true,
        params: true,
        status: true,
        requestIds: true,
        verified: true,
        verification: true,
        errorMessage: true,
        startedAt: true,
        finishedAt: true,
        requestedById: true,
      },
    }),
    tx.messageTraceEntry.groupBy({ by: ["status"], where: { ticketId }, _count: { _all: true } }),
    tx.advisory.findMany({
      where: { ticketId },
      orderBy: { domain: "asc" },
      select: {
        domain: true,
        status: true,
        sentAt: true,
        sentById: true,
        acknowledgedAt: true,
        acknowledgedById: true,
        acknowledgedFrom: true,
      },
    }),
    tx.preventiveItem.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" }, select: { title: true, owner: true, status: true } }),
    tx.mfaCoverageCheck.findFirst({ where: { ticketId }, orderBy: { checkedAt: "desc" } }),
    // Every snapshot, oldest first: the earliest holds what the attacker left.
    tx.investigationSnapshot.findMany({
      where: { ticketId },
      orderBy: { takenAt: "asc" },
      select: { takenAt: true, findings: true, data: true, gaps: true },
    }),
    // Comments and the review process are not part of the incident's history.
    tx.auditEvent.findMany({
      where: { ticketId, NOT: [{ action: { startsWith: "comment." } }, { action: { startsWith: "report." } }] },
      orderBy: { seq: "asc" },
      select: { at: true, action: true, result: true, target: true, actor: { select: { name: true } }, details: true },
    }),
    tx.user.findMany({ select: { id: true, name: true } }),
  ]);
  const campaign = await tx.campaignAccount.findMany({
    where: { ticketId },
    orderBy: { position: "asc" },
    select: { upn: true, steps: { select: { stepKey: true, state: true, queuedAt: true, verified: true, verifiedAt: true } } },
  });
  // Tenant admins read the approved report: internal evidence, even its file name, stays out.
  const timelineEvents = events.filter(
    (e) => !e.action.startsWith("attachment.") || (e.details as { visibility?: unknown } | null)?.visibility === "PUBLIC",
  );
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  const names = itemNames(snapshots);
  const acknowledged = (domain: string) => events.findLast((e) => e.action === "advisory.acknowledged" && e.target === domain);
  const [earliest, ...later] = snapshots.map(investigationFacts);
  return {
    campaignLines: campaignReportLines(campaign),
    warnings: reportWarnings(
      t.affectedUpn,
      steps,
      actions,
      snapshots,
      names,
      trace.length > 0 ? await traceTruncated(tx, ticketId) : false,
    ),
    ticket: {
      number: formatTicketNumber(t.number),
      title: t.title,
      tenant: t.tenant.displayName,
      affectedUpn: t.affectedUpn,
      severity: t.severity,
      symptoms: t.symptoms.map((s) => SYMPTOMS[s as Symptom] ?? s),
      symptomsNote: t.symptomsNote,
      detectedAt: t.detectedAt,
      reportedAt: t.createdAt,
      reporter: t.reporter.name,
      assignee: t.assignee?.name ?? null,
      firstResponseAt: t.firstResponseAt,
      containedAt: t.containedAt,
      resolvedAt: t.resolvedAt,
      closedAt: t.closedAt,
      firstSuspiciousAt: t.firstSuspiciousAt,
      outcomeSummary: t.outcomeSummary,
      lessonsLearned: t.lessonsLearned,
      closureReason: t.closureReason,
      personalDataInvolved: t.personalDataInvolved,
      notificationDeadline: t.notificationDeadline,
      reporterSaidMfaOff: t.symptoms.includes("MFA_DISABLED"),
    },
    affectedUsers: users,
    recipientDomains: domains,
    impacts: impacts
      .filter((i) => i.level !== "NONE")
      .map((i) => ({ title: IMPACT_CATEGORIES[i.category as ImpactCategory]?.title ?? i.category, level: i.level, notes: i.notes })),
    steps: reportSteps(steps, actions, names, name),
    traceStatusCounts: trace.length ? Object.fromEntries(trace.map((r) => [r.status, r._count._all])) : null,
    advisories: advisories.map((a) => ({
      domain: a.domain,
      status: a.status,
      sentAt: a.sentAt,
      sentBy: name(a.sentById),
      acknowledgedAt: a.acknowledgedAt,
      acknowledgedFrom: a.acknowledgedFrom,
      // Older rows have no acknowledgedById: fall back to who recorded it in the audit log.
      acknowledgedBy: a.status === "ACKNOWLEDGED" ? (name(a.acknowledgedById) ?? acknowledged(a.domain)?.actor?.name ?? null) : null,
    })),
    preventive,
    mfa: mfa
      ? {
          checkedAt: mfa.checkedAt,
          totalUsers: mfa.totalUsers,
          mfaRegistered: mfa.mfaRegistered,
          adminsWithoutMfa: mfa.adminsWithoutMfa,
          truncated: mfa.truncated,
        }
      : null,
    investigation: earliest ?? null,
    laterInvestigations: later,
    timeline: timelineEvents.map((e) => ({ at: e.at, what: describeEvent(e, names).sentence, who: e.actor?.name ?? null })),
  };
}

/** What the report must say up front: MFA trusting the attacker's method, and listings that stopped at a limit. */
function reportWarnings(
  upn: string,
  steps: StepRow[],
  actions: Action[],
  snapshots: { findings: unknown }[],
  names: Map<string, string>,
  traceCapped: boolean,
): string[] {
  const findings = snapshots.map((s) => (s.findings ?? {}) as Parameters<typeof flaggedItems>[1][number]);
  const gone = goneItemIds(actions.filter((a) => a.kind === "remove-auth-methods"));
  const remaining = flaggedItems("remove-auth-methods", findings)
    .filter((m) => !gone.has(m.id))
    .map((m) => names.get(m.id) ?? m.label);
  const mfa = mfaWarning({ upn, enforceMfaState: steps.find((s) => s.key === "enforce-mfa")?.state ?? null, remainingMethods: remaining });
  const limits = Object.entries(((snapshots[0]?.findings ?? {}) as { limits?: Record<string, number> }).limits ?? {});
  return [
    ...(mfa ? [mfa] : []),
    ...limits.map(
      ([section, n]) =>
        `The evidence snapshot read the first ${n} ${SECTION_NOUNS[section] ?? section} of more: Graph had more than it reads.`,
    ),
    ...(traceCapped
      ? ["The message trace holds the first rows of more: Exchange had more in the traced window than the trace reads."]
      : []),
  ];
}

const SECTION_NOUNS: Record<string, string> = {
  signIns: "sign-ins",
  directoryAudits: "directory audit entries",
  inboxRules: "inbox rules",
  authMethods: "sign-in methods",
  consents: "app consents",
  messageTrace: "message trace rows",
};

async function traceTruncated(tx: Prisma.TransactionClient, ticketId: string): Promise<boolean> {
  const last = await tx.auditEvent.findFirst({
    where: { ticketId, action: "message-trace.run", result: "SUCCEEDED" },
    orderBy: { seq: "desc" },
    select: { details: true },
  });
  return (last?.details as { truncated?: boolean } | null)?.truncated === true;
}
