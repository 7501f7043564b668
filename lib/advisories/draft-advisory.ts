import {
  domainOf,
  isTenantDomain,
  isUnsettledStatus,
  normaliseTraceStatus,
  TRACE_STATUSES,
  traceStatusLabel,
} from "@/lib/message-trace/statuses";
import { formatDateTime } from "@/lib/utils/dates";

// Drafts the advisory for one recipient domain from the message trace: who sent, what subjects,
// when, how many and in which status, and the transport rule to create. Only facts from the
// trace go in; anything the trace did not record says "not recorded" instead of a guess.

export const NOT_RECORDED = "not recorded";
/** Beyond this the body lists a count, not every address (the domain's admins can ask). */
export const MAX_LISTED_RECIPIENTS = 100;

export type AdvisoryTrace = {
  traceId: string;
  senderAddress: string | null;
  recipient: string;
  recipientDomain?: string | null;
  subject: string | null;
  status: string;
  receivedAt: Date | null;
};

/**
 * ticketRef: the incident number, given to the domain's admins as a reference to quote (on its own
 * line and at the end of the subject, never in brackets after the tenant's name, which may have its own).
 */
export type AdvisoryContext = { ticketRef: string; tenantName: string };

export type AdvisoryFacts = {
  domain: string;
  senders: string[];
  subjects: { subject: string; count: number }[];
  /** Rows whose subject the trace did not record. */
  subjectsMissing: number;
  window: { first: Date; last: Date } | null;
  messageCount: number;
  recipients: string[];
  countsByStatus: Record<string, number>;
  /** gettingStatus + pending: not settled yet, so blocking still helps most. */
  unsettledCount: number;
};

export type AdvisoryDraft = { domain: string; toAddresses: string[]; subject: string; body: string; facts: AdvisoryFacts };

const domainOfTrace = (t: AdvisoryTrace) => t.recipientDomain?.trim().toLowerCase() || domainOf(t.recipient);
const cleanSubject = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

/** Trace rows grouped by recipient domain (lower case), largest group first. */
export function groupTracesByDomain<T extends AdvisoryTrace>(traces: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const t of traces) {
    const d = domainOfTrace(t);
    if (!d) continue;
    const group = groups.get(d);
    if (group) group.push(t);
    else groups.set(d, [t]);
  }
  return new Map([...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])));
}

export function collectAdvisoryFacts(domain: string, traces: readonly AdvisoryTrace[]): AdvisoryFacts {
  const senders = new Set<string>();
  const subjects = new Map<string, { subject: string; count: number }>();
  const recipients = new Set<string>();
  const countsByStatus: Record<string, number> = {};
  let subjectsMissing = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const t of traces) {
    const sender = t.senderAddress?.trim();
    if (sender) senders.add(sender.toLowerCase());
    const subject = cleanSubject(t.subject);
    if (subject) {
      const entry = subjects.get(subject.toLowerCase()) ?? { subject, count: 0 };
      entry.count += 1;
      subjects.set(subject.toLowerCase(), entry);
    } else subjectsMissing += 1;
    recipients.add(t.recipient.trim().toLowerCase());
    const status = normaliseTraceStatus(t.status);
    countsByStatus[status] = (countsByStatus[status] ?? 0) + 1;
    if (t.receivedAt) {
      first = Math.min(first, t.receivedAt.getTime());
      last = Math.max(last, t.receivedAt.getTime());
    }
  }
  return {
    domain,
    senders: [...senders.values()].sort(),
    subjects: [...subjects.values()].sort((a, b) => b.count - a.count || a.subject.localeCompare(b.subject)),
    subjectsMissing,
    window: Number.isFinite(first) ? { first: new Date(first), last: new Date(last) } : null,
    messageCount: new Set(traces.map((t) => t.traceId)).size,
    recipients: [...recipients.values()].sort(),
    countsByStatus,
    unsettledCount: traces.filter((t) => isUnsettledStatus(t.status)).length,
  };
}

/**
 * The statuses as a list that adds up to the total, then the unsettled share as a summary line
 * below it: "not settled" sums two of the statuses, so it is not listed beside them.
 */
function statusLines(facts: AdvisoryFacts): string[] {
  const known = TRACE_STATUSES.filter((s) => facts.countsByStatus[s]);
  const other = Object.keys(facts.countsByStatus)
    .filter((s) => !(TRACE_STATUSES as readonly string[]).includes(s))
    .sort();
  const total = Object.values(facts.countsByStatus).reduce((a, b) => a + b, 0);
  const unsettled =
    facts.unsettledCount > 0
      ? `  Not settled yet: ${facts.unsettledCount} of these ${total} (getting status or pending), so blocking them now can still stop them.`
      : "  None of these is still getting status or pending.";
  return [
    `- Status per recipient when traced (${total} in all):`,
    ...[...known, ...other].map((s) => `  - ${traceStatusLabel(s)}: ${facts.countsByStatus[s]}`),
    unsettled,
  ];
}

/** The transport rule the domain's admins should create, in one sentence. */
export function recommendedTransportRule(facts: AdvisoryFacts): string {
  const from = facts.senders.length > 0 ? facts.senders.join(" or ") : `the sender (${NOT_RECORDED})`;
  const subjects =
    facts.subjects.length > 0
      ? ` with subject ${facts.subjects.map((s) => `"${s.subject}"`).join(" or ")}`
      : ` (subject ${NOT_RECORDED}: match on the sender alone)`;
  const since = facts.window ? `, received from ${formatDateTime(facts.window.first)} onwards` : "";
  return `Block or delete messages from ${from}${subjects}${since}.`;
}

export function draftAdvisory(domain: string, traces: readonly AdvisoryTrace[], ctx: AdvisoryContext): AdvisoryDraft {
  const facts = collectAdvisoryFacts(domain, traces);
  const senderText = facts.senders.length > 0 ? facts.senders.join(", ") : NOT_RECORDED;
  const windowText = facts.window ? `${formatDateTime(facts.window.first)} to ${formatDateTime(facts.window.last)}` : NOT_RECORDED;
  const subjectLines =
    facts.subjects.length > 0
      ? facts.subjects
          .map((s) => `  - "${s.subject}" (${s.count})`)
          .concat(facts.subjectsMissing ? [`  - ${NOT_RECORDED} (${facts.subjectsMissing})`] : [])
      : [`  - ${NOT_RECORDED}`];
  const listed = facts.recipients.slice(0, MAX_LISTED_RECIPIENTS);
  const more = facts.recipients.length - listed.length;
  const body = [
    `To the email administrators of ${domain},`,
    "",
    `We are handling a security incident for ${ctx.tenantName}. A Microsoft 365 account of that organisation ` +
      `was compromised and used to send unauthorized mail, some of it to recipients at ${domain}. Please treat these messages as spam or phishing.`,
    "",
    `What the message trace recorded for ${domain}:`,
    `- Sender: ${senderText}`,
    `- Time window: ${windowText}`,
    `- Messages: ${facts.messageCount} to ${facts.recipients.length} recipient${facts.recipients.length === 1 ? "" : "s"}`,
    ...statusLines(facts),
    "- Subjects:",
    ...subjectLines,
    "",
    "What we ask you to do:",
    `1. Create a transport (mail flow) rule: ${recommendedTransportRule(facts)}`,
    "2. Remove the messages already delivered to your users' mailboxes, and warn the recipients not to open links or attachments, or reply.",
    `3. Reply to this message when it is done, quoting our reference ${ctx.ticketRef}, so we can record it on the incident.`,
    "",
    `Recipients at ${domain} (${facts.recipients.length}):`,
    listed.join(", ") || NOT_RECORDED,
    ...(more > 0 ? [`… and ${more} more (full list on request).`] : []),
    "",
    `Security incident response for ${ctx.tenantName}`,
    `Our reference: ${ctx.ticketRef}`,
  ].join("\n");
  return {
    domain,
    // RFC 2142 role addresses: a starting point the engineer replaces when the admins are known.
    toAddresses: [`abuse@${domain}`, `postmaster@${domain}`],
    subject: `Security advisory: unauthorized mail from ${senderText} to ${domain} – ref. ${ctx.ticketRef}`,
    body,
    facts,
  };
}

/** One draft per external recipient domain; the tenant's own domains are cleaned up in-tenant. */
export function draftAdvisories(traces: readonly AdvisoryTrace[], ctx: AdvisoryContext & { primaryDomain: string }): AdvisoryDraft[] {
  return [...groupTracesByDomain(traces).entries()]
    .filter(([domain]) => !isTenantDomain(domain, ctx.primaryDomain))
    .map(([domain, rows]) => draftAdvisory(domain, rows, ctx));
}
