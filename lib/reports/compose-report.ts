import { findingLines, type InvestigationFacts } from "./compose-findings";

// Composes the seed report's sections from what the ticket holds. Every fact comes from the
// ticket; a missing one reads "not recorded" — nothing is invented. Pure: tested on its own.

export const NOT_RECORDED = "not recorded";

export type ReportFacts = {
  ticket: {
    number: string; title: string; tenant: string; affectedUpn: string; severity: string; symptoms: string[]; symptomsNote: string | null;
    detectedAt: Date; reportedAt: Date; reporter: string; assignee: string | null; firstResponseAt: Date | null; containedAt: Date | null;
    resolvedAt: Date | null; closedAt: Date | null; firstSuspiciousAt: Date | null; outcomeSummary: string | null; lessonsLearned: string | null;
    closureReason: string | null; personalDataInvolved: boolean; notificationDeadline: Date | null;
  };
  affectedUsers: { upn: string; displayName: string | null }[];
  recipientDomains: { domain: string; isInternal: boolean; messageCount: number; recipientCount: number }[];
  impacts: { title: string; level: string; notes: string | null }[];
  steps: { title: string; state: string; reason: string | null; notes: string | null; doneBy: string | null; doneAt: Date | null; requestIds: string[]; verified: boolean | null; observed: string | null; error: string | null; phase: string }[];
  traceStatusCounts: Record<string, number> | null;
  advisories: { domain: string; status: string; sentAt: Date | null }[];
  preventive: { title: string; owner: string | null; status: string }[];
  mfa: { checkedAt: Date; totalUsers: number; mfaRegistered: number; adminsWithoutMfa: number } | null;
  /** The latest evidence snapshot's findings; null when none was taken. */
  investigation: InvestigationFacts | null;
  /** Each event already in words (lib/audit/describe-event.ts). */
  timeline: { at: Date; what: string; who: string | null }[];
};

export type ReportSection = { heading: string; lines: string[] };
export type Report = { title: string; subtitle: string; sections: ReportSection[] };

const at = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : NOT_RECORDED);
const or = (v: string | null | undefined) => (v && v.trim() ? v.trim() : NOT_RECORDED);
/** The engineer's words as a sentence: a full stop only if they did not end with one. */
const said = (v: string | null | undefined) => { const text = or(v); return /[.!?…]$/.test(text) ? text : `${text}.`; };
const hours = (from: Date | null, to: Date | null) => (from && to ? `${((to.getTime() - from.getTime()) / 3_600_000).toFixed(1)} h` : NOT_RECORDED);

function stepLine(s: ReportFacts["steps"][number]): string {
  // A step whose check read back something else is not "done", whatever its state says.
  const outcome = s.verified === false ? `not verified: ${or(s.observed)}`
    : s.state === "DONE" ? "done"
    : s.state === "SKIPPED" || s.state === "NOT_APPLICABLE" ? `${s.state.toLowerCase().replace("_", " ")} (${or(s.reason)})`
    : s.state.toLowerCase().replaceAll("_", " ");
  const parts = [`${s.title}: ${outcome}`];
  if (s.doneBy || s.doneAt) parts.push(`by ${or(s.doneBy)} at ${at(s.doneAt)}`);
  if (s.verified === true && s.observed) parts.push(`verified: ${s.observed}`);
  else if (s.verified !== false && s.observed) parts.push(s.observed);
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

export function composeReport(f: ReportFacts): Report {
  const t = f.ticket;
  const stepsOf = (phase: string) => f.steps.filter((s) => s.phase === phase);
  const troubleshooting = [...stepsOf("INVESTIGATION"), ...stepsOf("CONTAINMENT"), ...stepsOf("ERADICATION")];
  const sections: ReportSection[] = [
    { heading: "Introduction", lines: [`An account of ${t.tenant} (${t.affectedUpn}) was reported compromised by ${t.reporter} on ${at(t.reportedAt)}, detected ${at(t.detectedAt)}. The ticket was worked by ${or(t.assignee)}.`] },
    {
      heading: "1. Issue description",
      lines: [
        `Observed: ${t.symptoms.length ? t.symptoms.join("; ") : NOT_RECORDED}.`,
        `Reporter's notes: ${said(t.symptomsNote)}`,
        `Severity: ${t.severity}. First suspicious sign-in: ${at(t.firstSuspiciousAt)}.`,
        ...findingLines(f.investigation, NOT_RECORDED),
      ],
    },
    {
      heading: "2. User affected / scope",
      lines: [
        `Primary account: ${t.affectedUpn}.`,
        `Other accounts: ${f.affectedUsers.filter((u) => u.upn !== t.affectedUpn).map((u) => u.upn).join(", ") || "none recorded"}.`,
        ...recipientLines(f.recipientDomains),
      ],
    },
    {
      heading: "3. Business impact",
      lines: [
        ...(f.impacts.length ? f.impacts.map((i) => `${i.title}: ${i.level.toLowerCase()}${i.notes ? ` (${i.notes})` : ""}.`) : [`Assessment: ${NOT_RECORDED}.`]),
        t.personalDataInvolved ? `Personal data may be involved; regulatory notification due ${at(t.notificationDeadline)}.` : "Personal data: not indicated.",
      ],
    },
    { heading: "4. Troubleshooting steps", lines: troubleshooting.length ? troubleshooting.map(stepLine) : [`Steps: ${NOT_RECORDED}.`] },
    {
      heading: "5. Resolution and recovery",
      lines: [
        f.traceStatusCounts ? `Message trace status counts: ${Object.entries(f.traceStatusCounts).map(([s, n]) => `${s} ${n}`).join(", ")}.` : `Message trace: ${NOT_RECORDED}.`,
        ...(f.advisories.length ? f.advisories.map((a) => `Advisory to ${a.domain}: ${a.status.toLowerCase()}${a.sentAt ? ` (${at(a.sentAt)})` : ""}.`) : [`Advisories: ${NOT_RECORDED}.`]),
        ...stepsOf("RECOVERY").map(stepLine),
      ],
    },
    {
      heading: "6. Preventative measures",
      lines: [
        ...(f.preventive.length ? f.preventive.map((p) => `${p.title}: ${p.status.toLowerCase().replace("_", " ")}${p.owner ? `, owner ${p.owner}` : ""}.`) : [`Follow-up items: ${NOT_RECORDED}.`]),
        f.mfa ? `MFA coverage on ${at(f.mfa.checkedAt)}: ${f.mfa.mfaRegistered} of ${f.mfa.totalUsers} users registered; ${f.mfa.adminsWithoutMfa} admins without MFA.` : `MFA coverage check: ${NOT_RECORDED}.`,
      ],
    },
    {
      heading: "7. Outcome after troubleshooting",
      lines: [
        `What was achieved: ${said(t.outcomeSummary)}`,
        `Lessons learned: ${said(t.lessonsLearned)}`,
        `Closure reason: ${said(t.closureReason)}`,
        `Time to first response: ${hours(t.reportedAt, t.firstResponseAt)}; time to contain: ${hours(t.reportedAt, t.containedAt)}; dwell time: ${hours(t.firstSuspiciousAt, t.containedAt)}; closed ${at(t.closedAt)}.`,
      ],
    },
    { heading: "Appendix: timeline", lines: f.timeline.length ? f.timeline.map((e) => `${at(e.at)} ${e.what}${e.who ? ` (${e.who})` : ""}`) : [`Events: ${NOT_RECORDED}.`] },
  ];
  return { title: `${t.number}: ${t.title}`, subtitle: `Compromised account incident report: ${t.tenant}`, sections };
}
