import { dwellHours, DWELL_TIME_DEFINITION, firstSuspiciousSignIn } from "@/lib/investigation/dwell";
import { findingLines, type InvestigationFacts } from "./compose-findings";
import { impactLevelWords, preventiveStatusWords, readableObserved, severityWords, stepStateWords, traceStatusWords } from "./words";

// Composes the seed report's sections from what the ticket holds. Every fact comes from the
// ticket; a missing one reads "not recorded" — nothing is invented, and stored values are put
// into words (lib/reports/words.ts). Pure: tested on its own.

export const NOT_RECORDED = "not recorded";

export type ReportStep = {
  title: string;
  state: string;
  reason: string | null;
  notes: string | null;
  doneBy: string | null;
  doneAt: Date | null;
  requestIds: string[];
  verified: boolean | null;
  observed: string | null;
  error: string | null;
  phase: string;
  /** What one run of a per-item step removed ("rule “..”"), when the step ran per item. */
  item?: string | null;
};

export type ReportFacts = {
  ticket: {
    number: string;
    title: string;
    tenant: string;
    affectedUpn: string;
    severity: string;
    symptoms: string[];
    symptomsNote: string | null;
    detectedAt: Date;
    reportedAt: Date;
    reporter: string;
    assignee: string | null;
    firstResponseAt: Date | null;
    containedAt: Date | null;
    resolvedAt: Date | null;
    closedAt: Date | null;
    firstSuspiciousAt: Date | null;
    outcomeSummary: string | null;
    lessonsLearned: string | null;
    closureReason: string | null;
    personalDataInvolved: boolean;
    notificationDeadline: Date | null;
    /** The reporter ticked "MFA was not enabled on the account". */
    reporterSaidMfaOff?: boolean;
  };
  affectedUsers: { upn: string; displayName: string | null }[];
  recipientDomains: { domain: string; isInternal: boolean; messageCount: number; recipientCount: number }[];
  impacts: { title: string; level: string; notes: string | null }[];
  steps: ReportStep[];
  traceStatusCounts: Record<string, number> | null;
  advisories: {
    domain: string;
    status: string;
    sentAt: Date | null;
    sentBy?: string | null;
    acknowledgedAt?: Date | null;
    acknowledgedBy?: string | null;
    acknowledgedFrom?: string | null;
  }[];
  preventive: { title: string; owner: string | null; status: string }[];
  /** truncated: the figures are of the first totalUsers of more. */
  mfa: { checkedAt: Date; totalUsers: number; mfaRegistered: number; adminsWithoutMfa: number; truncated?: boolean } | null;
  /** The EARLIEST evidence snapshot's findings (what the attacker left); null when none was taken. */
  investigation: InvestigationFacts | null;
  /** Snapshots taken after it, oldest first. */
  laterInvestigations?: InvestigationFacts[];
  /** Each event already in words (lib/timeline/describe-event.ts). */
  timeline: { at: Date; what: string; who: string | null }[];
  /** A campaign incident's accounts and outcomes (lib/campaigns/report-lines.ts), in section 2. */
  campaignLines?: string[];
  /** Said up front in section 4: MFA trusting the attacker's method, listings that stopped at a limit. */
  warnings?: string[];
};

export type ReportSection = { heading: string; lines: string[] };
export type Report = { title: string; subtitle: string; sections: ReportSection[] };

const at = (d: Date | null | undefined) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : NOT_RECORDED);
const or = (v: string | null | undefined) => (v && v.trim() ? v.trim() : NOT_RECORDED);
/** The engineer's words as a sentence: a full stop only if they did not end with one. */
const said = (v: string | null | undefined) => {
  const text = or(v);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
};
const hours = (h: number | null) => (h === null ? NOT_RECORDED : `${h.toFixed(1)} h`);
const span = (from: Date | null, to: Date | null) => (from && to ? hours((to.getTime() - from.getTime()) / 3_600_000) : NOT_RECORDED);

function stepLine(s: ReportStep): string {
  // A step whose check read back something else is not "done", whatever its state says.
  const outcome =
    s.verified === false
      ? `not verified: ${readableObserved(or(s.observed))}`
      : s.state === "SKIPPED" || s.state === "NOT_APPLICABLE"
        ? `${stepStateWords(s.state)} (${or(s.reason)})`
        : stepStateWords(s.state);
  const parts = [`${s.title}${s.item ? ` — ${s.item}` : ""}: ${outcome}`];
  if (s.doneBy || s.doneAt) parts.push(`by ${or(s.doneBy)} at ${at(s.doneAt)}`);
  if (s.verified === true && s.observed) parts.push(`verified: ${readableObserved(s.observed)}`);
  else if (s.verified !== false && s.observed) parts.push(readableObserved(s.observed));
  if (s.error) parts.push(`error: ${s.error}`);
  if (s.notes) parts.push(`notes: ${s.notes}`);
  if (s.requestIds.length) parts.push(`Graph request ${s.requestIds.join(", ")}`);
  return parts.join("; ");
}

const domainList = (rows: ReportFacts["recipientDomains"]) =>
  rows.length ? rows.map((d) => `${d.domain} (${d.messageCount} messages, ${d.recipientCount} recipients)`).join("; ") : "none recorded";

function recipientLines(domains: ReportFacts["recipientDomains"]): string[] {
  if (domains.length === 0) return [`Recipients of the unauthorized mail: ${NOT_RECORDED}.`];
  return [
    `External recipients of the unauthorized mail: ${domainList(domains.filter((d) => !d.isInternal))}.`,
    `Internal recipients (the tenant's own domains): ${domainList(domains.filter((d) => d.isInternal))}.`,
  ];
}

/** Each state with its own time: sent when it was sent, acknowledged when (and by whom recorded) it was acknowledged. */
function advisoryLine(a: ReportFacts["advisories"][number]): string {
  const sent = a.sentAt ? `sent ${at(a.sentAt)}${a.sentBy ? ` by ${a.sentBy}` : ""}` : null;
  if (a.status === "DRAFTED") return `Advisory to ${a.domain}: drafted, not sent.`;
  if (a.status === "SENDING") return `Advisory to ${a.domain}: sending was not confirmed.`;
  if (a.status === "SENT") return `Advisory to ${a.domain}: ${sent ?? `sent (time ${NOT_RECORDED})`}; not acknowledged.`;
  if (a.status === "ACKNOWLEDGED") {
    const who = a.acknowledgedFrom ? a.acknowledgedFrom : `the admins of ${a.domain}`;
    const ack = `acknowledged by ${who} ${at(a.acknowledgedAt)}${a.acknowledgedBy ? ` (recorded by ${a.acknowledgedBy})` : ""}`;
    return `Advisory to ${a.domain}: ${sent ? `${sent}; ` : ""}${ack}.`;
  }
  return `Advisory to ${a.domain}: ${stepStateWords(a.status)}${sent ? `; ${sent}` : ""}.`;
}

export function composeReport(f: ReportFacts): Report {
  const t = f.ticket;
  const stepsOf = (phase: string) => f.steps.filter((s) => s.phase === phase);
  const troubleshooting = [...stepsOf("INVESTIGATION"), ...stepsOf("CONTAINMENT"), ...stepsOf("ERADICATION")];
  // The ticket's own value (what the dashboard uses); the earliest snapshot's when it has none.
  const firstSuspiciousAt = t.firstSuspiciousAt ?? firstSuspiciousSignIn(f.investigation?.signIns ?? []).firstSuccessful;
  const findings = findingLines(f.investigation, f.laterInvestigations ?? [], {
    firstSuspiciousAt,
    reporterSaidMfaOff: t.reporterSaidMfaOff ?? false,
    notRecorded: NOT_RECORDED,
  });
  const sections: ReportSection[] = [
    {
      heading: "Introduction",
      lines: [
        `The account ${t.affectedUpn} of ${t.tenant} was reported compromised by ${t.reporter} on ${at(t.reportedAt)}; it was detected ${at(t.detectedAt)}. The ticket was worked by ${or(t.assignee)}.`,
      ],
    },
    {
      heading: "1. Issue description",
      lines: [
        `Observed: ${t.symptoms.length ? t.symptoms.join("; ") : NOT_RECORDED}.`,
        `Reporter's notes: ${said(t.symptomsNote)}`,
        `Severity: ${severityWords(t.severity)}.`,
        ...findings,
      ],
    },
    {
      heading: "2. User affected / scope",
      lines: [
        `Primary account: ${t.affectedUpn}.`,
        `Other accounts: ${
          f.affectedUsers
            .filter((u) => u.upn !== t.affectedUpn)
            .map((u) => u.upn)
            .join(", ") || "none recorded"
        }.`,
        ...(f.campaignLines ?? []),
        ...recipientLines(f.recipientDomains),
      ],
    },
    {
      heading: "3. Business impact",
      lines: [
        ...(f.impacts.length
          ? f.impacts.map((i) => `${i.title}: ${impactLevelWords(i.level)}${i.notes ? ` (${i.notes})` : ""}.`)
          : [`Assessment: ${NOT_RECORDED}.`]),
        t.personalDataInvolved
          ? `Personal data may be involved; regulatory notification due ${at(t.notificationDeadline)}.`
          : "Personal data: not indicated.",
      ],
    },
    {
      heading: "4. Troubleshooting steps",
      lines: [
        ...(f.warnings ?? []).map((w) => `WARNING: ${w}`),
        ...(troubleshooting.length ? troubleshooting.map(stepLine) : [`Steps: ${NOT_RECORDED}.`]),
      ],
    },
    {
      heading: "5. Resolution and recovery",
      lines: [
        f.traceStatusCounts
          ? `Message trace status counts: ${Object.entries(f.traceStatusCounts)
              .map(([s, n]) => `${traceStatusWords(s)} ${n}`)
              .join(", ")}.`
          : `Message trace: ${NOT_RECORDED}.`,
        ...(f.advisories.length ? f.advisories.map(advisoryLine) : [`Advisories: ${NOT_RECORDED}.`]),
        ...stepsOf("RECOVERY").map(stepLine),
      ],
    },
    {
      heading: "6. Preventative measures",
      lines: [
        ...(f.preventive.length
          ? f.preventive.map((p) => `${p.title}: ${preventiveStatusWords(p.status)}${p.owner ? `, owner ${p.owner}` : ""}.`)
          : [`Follow-up items: ${NOT_RECORDED}.`]),
        f.mfa
          ? `MFA coverage on ${at(f.mfa.checkedAt)}: ${f.mfa.mfaRegistered} of ${f.mfa.totalUsers} ${f.mfa.truncated ? "users read (the first of more: the tenant has more)" : "users"} registered; ${f.mfa.adminsWithoutMfa} admins without MFA.`
          : `MFA coverage check: ${NOT_RECORDED}.`,
      ],
    },
    {
      heading: "7. Outcome after troubleshooting",
      lines: [
        `What was achieved: ${said(t.outcomeSummary)}`,
        `Lessons learned: ${said(t.lessonsLearned)}`,
        `Closure reason: ${said(t.closureReason)}`,
        `Time to first response: ${span(t.reportedAt, t.firstResponseAt)}; time to contain: ${span(t.reportedAt, t.containedAt)}; dwell time (${DWELL_TIME_DEFINITION}): ${hours(dwellHours(firstSuspiciousAt, t.containedAt))}; closed ${at(t.closedAt)}.`,
      ],
    },
    {
      heading: "Appendix: timeline",
      lines: f.timeline.length ? f.timeline.map((e) => `${at(e.at)} ${e.what}${e.who ? ` (${e.who})` : ""}`) : [`Events: ${NOT_RECORDED}.`],
    },
  ];
  return { title: `${t.number}: ${t.title}`, subtitle: `Compromised account incident report: ${t.tenant}`, sections };
}
