import { isTenantDomain, isUnsettledStatus, normaliseTraceStatus } from "./statuses";

// Groups stored trace rows by recipient domain for the Scope and Resolution stages.

export type TraceRowLike = {
  traceId: string;
  recipient: string;
  recipientDomain: string;
  status: string;
  receivedAt: Date;
};

export type DomainSummary = {
  domain: string;
  isInternal: boolean;
  /** Distinct messages (a message to several recipients has one trace id). */
  messageCount: number;
  recipientCount: number;
  /** Trace rows (one per message per recipient) by canonical status. */
  byStatus: Record<string, number>;
  /** Rows still gettingStatus or pending. */
  unsettledCount: number;
  firstAt: Date;
  lastAt: Date;
};

export function summariseByDomain(rows: readonly TraceRowLike[], primaryDomain: string): DomainSummary[] {
  const groups = new Map<
    string,
    { traces: Set<string>; recipients: Set<string>; byStatus: Record<string, number>; unsettled: number; first: number; last: number }
  >();
  for (const row of rows) {
    const domain = row.recipientDomain.toLowerCase();
    let g = groups.get(domain);
    if (!g) {
      g = { traces: new Set(), recipients: new Set(), byStatus: {}, unsettled: 0, first: Infinity, last: -Infinity };
      groups.set(domain, g);
    }
    g.traces.add(row.traceId);
    g.recipients.add(row.recipient.toLowerCase());
    const status = normaliseTraceStatus(row.status);
    g.byStatus[status] = (g.byStatus[status] ?? 0) + 1;
    if (isUnsettledStatus(status)) g.unsettled += 1;
    g.first = Math.min(g.first, row.receivedAt.getTime());
    g.last = Math.max(g.last, row.receivedAt.getTime());
  }
  return [...groups.entries()]
    .map(([domain, g]) => ({
      domain,
      isInternal: isTenantDomain(domain, primaryDomain),
      messageCount: g.traces.size,
      recipientCount: g.recipients.size,
      byStatus: g.byStatus,
      unsettledCount: g.unsettled,
      firstAt: new Date(g.first),
      lastAt: new Date(g.last),
    }))
    .sort((a, b) => b.messageCount - a.messageCount || a.domain.localeCompare(b.domain));
}
