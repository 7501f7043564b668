import type PgBoss from "pg-boss";
import { JOBS_SCHEMA } from "./boss";
import type { AnyJobKind } from "./define-job";
import { envelopeOf } from "./envelope";

const S = JOBS_SCHEMA;

// Our additions to pg-boss's schema, named bd_*. pg-boss copies the job table's indexes to each
// queue's partition when it creates one.
//  - bd_job_unfinished_key: the idempotency key. While a job of a kind with a key is queued,
//    waiting to retry or running, no second one with that key can exist (pg-boss's insert is
//    ON CONFLICT DO NOTHING, so the second enqueue becomes a no-op). Throttled jobs (singleton_on
//    set) keep pg-boss's own rule instead. pg-boss 10's "singleton"/"stately" queue policies
//    are not used: they are checked when a job is fetched, and a blocked key there blocks the
//    whole queue's fetch.
//  - ticket, tenant and group lookups for the listings, and the admin page's newest-first order.
const EXTRA_OBJECTS = `
  BEGIN;
  SELECT pg_advisory_xact_lock(hashtext('breachdesk.jobs.install'));
  CREATE UNIQUE INDEX IF NOT EXISTS bd_job_unfinished_key ON ${S}.job (name, singleton_key)
    WHERE state < 'completed' AND singleton_key IS NOT NULL AND singleton_on IS NULL;
  CREATE INDEX IF NOT EXISTS bd_job_ticket ON ${S}.job ((data->'refs'->>'ticketId')) WHERE data->'refs' ? 'ticketId';
  CREATE INDEX IF NOT EXISTS bd_job_tenant ON ${S}.job ((data->'refs'->>'tenantId')) WHERE data->'refs' ? 'tenantId';
  CREATE INDEX IF NOT EXISTS bd_job_group ON ${S}.job ((data->'refs'->>'group')) WHERE data->'refs' ? 'group';
  CREATE INDEX IF NOT EXISTS bd_job_created ON ${S}.job (created_on, id);
  CREATE INDEX IF NOT EXISTS bd_archive_ticket ON ${S}.archive ((data->'refs'->>'ticketId')) WHERE data->'refs' ? 'ticketId';
  CREATE INDEX IF NOT EXISTS bd_archive_created ON ${S}.archive (created_on, id);
  COMMIT;
`;

/** Starts pg-boss (creating or migrating its schema), adds our indexes and one queue per kind. */
export async function installJobQueue(boss: PgBoss, kinds: readonly AnyJobKind[]): Promise<void> {
  await boss.start();
  await boss.getDb().executeSql(EXTRA_OBJECTS, []);
  for (const kind of kinds) await boss.createQueue(kind.name, { name: kind.name, policy: "standard" });
}

/** The options pg-boss stores with a job (or a schedule) of this kind. */
export function sendOptionsOf(kind: AnyJobKind): PgBoss.SendOptions {
  return {
    retryLimit: kind.retry.limit,
    retryDelay: kind.retry.delaySeconds,
    retryBackoff: kind.retry.backoff,
    expireInSeconds: kind.expireInSeconds,
  };
}

/**
 * Makes pg-boss's schedules match the kinds: one per kind with a schedule, none for the others
 * (nor for kinds no longer registered).
 * Each tick enqueues with the kind's key (else "schedule"), so ticks never pile up behind a slow run.
 */
export async function syncSchedules(boss: PgBoss, kinds: readonly AnyJobKind[]): Promise<void> {
  // A kind no longer registered would keep being enqueued with nobody to run it.
  const names = new Set(kinds.map((k) => k.name));
  for (const { name } of await boss.getSchedules()) if (!names.has(name)) await boss.unschedule(name);
  for (const kind of kinds) {
    if (!kind.schedule) {
      await boss.unschedule(kind.name);
      continue;
    }
    const payload = kind.payload.parse(kind.schedule.payload);
    await boss.schedule(kind.name, kind.schedule.cron, envelopeOf(kind, payload), {
      ...sendOptionsOf(kind),
      singletonKey: kind.singletonKey?.(payload) ?? "schedule",
      tz: kind.schedule.tz ?? "UTC",
    });
  }
}
