import type { SimRuntime } from "./route";
import { within, type LagResource } from "./rules";
import type { DirectoryAudit, TenantState } from "./state";

// Read-after-write lag (rules.ts): a write changes the tenant at once — the attacker's next
// sign-in meets it — but reads are served by a replica that catches up after a random delay per
// write. The replica is modelled per resource and key: until every write to it is visible, a
// read sees the value from before the first unseen write (a later write extends the wait, as a
// replica that has not caught up would). Times are the simulator clock's, so advance-time skips lag.

const id = (resource: LagResource, key: string) => `${resource}:${key}`;

/** Call before a write changes `key`, with its current (about to be old) value. */
export function recordWrite(rt: SimRuntime, t: TenantState, resource: LagResource, key: string, before: unknown) {
  const ms = within(rt.rules.readLagMs[resource]);
  if (ms <= 0) return;
  const now = rt.clock.now().getTime();
  const pending = t.replica.get(id(resource, key));
  const unseen = pending && pending.visibleAt > now ? pending : null;
  t.replica.set(id(resource, key), {
    before: unseen ? unseen.before : structuredClone(before),
    visibleAt: Math.max(now + ms, unseen?.visibleAt ?? 0),
  });
}

/** What a read of `key` sees now. */
export function readLagged<T>(rt: SimRuntime, t: TenantState, resource: LagResource, key: string, current: T): T {
  const pending = t.replica.get(id(resource, key));
  return pending && pending.visibleAt > rt.clock.now().getTime() ? (pending.before as T) : current;
}

/** Records a directory audit entry that becomes listable after the audit latency. */
export function pushAudit(rt: SimRuntime, t: TenantState, audit: DirectoryAudit) {
  const ms = within(rt.rules.auditLatencyMs);
  t.audits.push(ms > 0 ? { ...audit, visibleAt: new Date(new Date(audit.activityDateTime).getTime() + ms).toISOString() } : audit);
}

/** The audit entries a list can show now, without the simulator's own bookkeeping. */
export function visibleAudits(rt: SimRuntime, t: TenantState): DirectoryAudit[] {
  const now = rt.clock.iso();
  return t.audits
    .filter((a) => !a.visibleAt || a.visibleAt <= now)
    .map((a) => {
      const shown = { ...a };
      delete shown.visibleAt;
      return shown;
    });
}
