import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import { pgliteExecutor } from "./executors";

// One place that configures pg-boss. Its tables live in their own schema (JOBS_SCHEMA), created
// and migrated by pg-boss itself, apart from Prisma's migrations (`db:status` does not see them).

export const JOBS_SCHEMA = "pgboss";

/** Where the queue lives: the embedded PGlite shared with Prisma, or a PostgreSQL server. */
export type QueueConnection = { kind: "pglite"; pglite: PGlite } | { kind: "postgres"; url: string };

export type BossTimings = {
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds: number;
  /** How often expired runs (a crashed process's) are failed and retried, and old jobs archived. */
  maintenanceIntervalSeconds: number;
  /** How often schedules are checked (1–45 s). */
  cronIntervalSeconds: number;
};

export const DEFAULT_TIMINGS: BossTimings = { pollingIntervalSeconds: 2, maintenanceIntervalSeconds: 30, cronIntervalSeconds: 30 };

export type BossRole = {
  /** A worker supervises (expiry, archiving) and fires schedules; a client only enqueues and reads. */
  worker: boolean;
  timings?: Partial<BossTimings>;
  /** PostgreSQL pool size for this instance (pg-boss's own pool; Prisma keeps its own). */
  poolSize?: number;
};

const DAY = 24 * 3600;

export function createBoss(connection: QueueConnection, role: BossRole): PgBoss {
  const timings = { ...DEFAULT_TIMINGS, ...role.timings };
  const common: PgBoss.ConstructorOptions = {
    schema: JOBS_SCHEMA,
    migrate: true,
    supervise: role.worker,
    schedule: role.worker,
    pollingIntervalSeconds: timings.pollingIntervalSeconds,
    maintenanceIntervalSeconds: timings.maintenanceIntervalSeconds,
    cronMonitorIntervalSeconds: timings.cronIntervalSeconds,
    cronWorkerIntervalSeconds: Math.min(timings.cronIntervalSeconds, 5),
    // Finished jobs stay in the job table a day (failed ones two weeks, for someone to look at),
    // then in the archive, which the listings read too, for 30 days.
    archiveCompletedAfterSeconds: DAY,
    archiveFailedAfterSeconds: 14 * DAY,
    deleteAfterDays: 30,
  };
  if (connection.kind === "pglite") return new PgBoss({ ...common, db: pgliteExecutor(connection.pglite) });
  return new PgBoss({
    ...common,
    connectionString: connection.url,
    max: role.poolSize ?? (role.worker ? 4 : 2),
    application_name: "breachdesk-jobs",
  });
}
