import "server-only";
import type { Db } from "@/lib/db/create-client";

// The per-tenant pace of Graph identity writes, shared by every process through one row per
// tenant (GraphPace). Microsoft Graph throttles identity writes per app and tenant: 3,000 writes
// per 2.5 minutes, i.e. 20 per second on average ("Microsoft Graph service-specific throttling
// limits", Identity and access service limits:
// https://learn.microsoft.com/graph/throttling-limits#identity-and-access-service-limits).
// Every request inside a JSON batch counts on its own ("JSON batching",
// https://learn.microsoft.com/graph/json-batching#throttling-and-batching), so batching saves
// round trips, not quota. We schedule writes at 90 % of that rate as a virtual schedule (GCRA):
// each write books the next free slot, so N workers together never exceed the rate, whatever
// their number. A 429 that still happens (clock jitter, another app of ours) is answered by the
// Graph client, which waits the Retry-After Graph sends before re-sending only the throttled items
// ("Microsoft Graph throttling guidance", https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling).

/** Graph's identity-write limit per app and tenant, per second (3,000 / 150 s). */
export const IDENTITY_WRITES_PER_SECOND = 20;
/** The share of it we use: headroom for jitter between booking and arrival. */
export const PACE_SHARE = 0.9;

export function writesPerSecond(limit = IDENTITY_WRITES_PER_SECOND): number {
  return limit * PACE_SHARE;
}

/**
 * Books `writes` identity writes for the tenant and returns how long to wait (ms) before sending
 * them. Atomic in one statement, so concurrent workers in any process get distinct slots.
 */
export async function bookWrites(db: Db, tenantId: string, writes: number, limit = IDENTITY_WRITES_PER_SECOND): Promise<number> {
  const seconds = writes / writesPerSecond(limit);
  const rows = await db.$queryRaw<{ wait_ms: number }[]>`
    INSERT INTO "GraphPace" ("tenantId", "nextAt") VALUES (${tenantId}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${seconds}::float8))
    ON CONFLICT ("tenantId") DO UPDATE SET "nextAt" = GREATEST("GraphPace"."nextAt", clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${seconds}::float8)
    RETURNING (EXTRACT(EPOCH FROM ("nextAt" - make_interval(secs => ${seconds}::float8) - (clock_timestamp() AT TIME ZONE 'UTC'))) * 1000)::float8 AS wait_ms`;
  return Math.max(0, Number(rows[0]?.wait_ms ?? 0));
}

/** A 429 despite the pace: nobody in any process writes for this tenant before `seconds` have passed. */
export async function holdWrites(db: Db, tenantId: string, seconds: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "GraphPace" ("tenantId", "nextAt") VALUES (${tenantId}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${seconds}::float8))
    ON CONFLICT ("tenantId") DO UPDATE SET "nextAt" = GREATEST("GraphPace"."nextAt", (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${seconds}::float8))`;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
