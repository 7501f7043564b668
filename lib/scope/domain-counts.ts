// A recipient domain's counts come from two places: the message trace and the engineer. The
// engineer's count wins and survives a new trace run; the trace's is kept beside it.

export type DomainCounts = {
  traceMessageCount: number | null;
  traceRecipientCount: number | null;
  manualMessageCount: number | null;
  manualRecipientCount: number | null;
};

/** The counts Scope, the report and the dashboard read. */
export function effectiveCounts(c: DomainCounts): { messageCount: number; recipientCount: number } {
  return {
    messageCount: c.manualMessageCount ?? c.traceMessageCount ?? 0,
    recipientCount: c.manualRecipientCount ?? c.traceRecipientCount ?? 0,
  };
}

export type TraceDomain = { domain: string; isInternal: boolean; messageCount: number; recipientCount: number };
type StoredDomain = DomainCounts & { id: string; domain: string; source: string };

/**
 * How a new trace run changes the stored domains: found ones get the trace's counts (the
 * engineer's stay on top), new ones are added, and ones the trace no longer finds are removed
 * only if nobody typed anything for them; otherwise they lose their trace counts.
 */
export function planTraceRefresh(stored: StoredDomain[], found: TraceDomain[]) {
  const byDomain = new Map(stored.map((s) => [s.domain, s]));
  const foundDomains = new Set(found.map((f) => f.domain));
  const create: (TraceDomain & { traceMessageCount: number; traceRecipientCount: number })[] = [];
  const update: { id: string; data: Record<string, number | boolean | null> }[] = [];
  for (const f of found) {
    const s = byDomain.get(f.domain);
    const trace = { traceMessageCount: f.messageCount, traceRecipientCount: f.recipientCount };
    // Only the columns: the trace summary carries more (per-status counts) than a row stores.
    if (!s)
      create.push({ domain: f.domain, isInternal: f.isInternal, messageCount: f.messageCount, recipientCount: f.recipientCount, ...trace });
    else update.push({ id: s.id, data: { isInternal: f.isInternal, ...trace, ...effectiveCounts({ ...s, ...trace }) } });
  }
  const remove: string[] = [];
  for (const s of stored) {
    if (foundDomains.has(s.domain)) continue;
    const typed = s.source === "MANUAL" || s.manualMessageCount !== null || s.manualRecipientCount !== null;
    if (!typed) remove.push(s.id);
    else if (s.traceMessageCount !== null || s.traceRecipientCount !== null) {
      const trace = { traceMessageCount: null, traceRecipientCount: null };
      update.push({ id: s.id, data: { ...trace, ...effectiveCounts({ ...s, ...trace }) } });
    }
  }
  return { create, update, remove };
}
