import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-client";
import { createBoss, type BossTimings, type QueueConnection } from "./boss";
import type { AnyJobKind } from "./define-job";
import { installJobQueue, syncSchedules } from "./install";
import { runJob } from "./run-job";

export type RunnerOptions = {
  kinds: readonly AnyJobKind[];
  connection: QueueConnection;
  /** The Prisma client handlers get as ctx.db. */
  db: Db;
  logger: Logger;
  timings?: Partial<BossTimings>;
};

export type JobRunner = {
  boss: PgBoss;
  /** Wakes this process's idle workers of a kind (after an enqueue here), instead of waiting for their next poll. */
  notify: (kindName: string) => void;
  /**
   * Stops fetching, lets running jobs finish for up to graceMs, then aborts the rest (their
   * signal) and hands them back to the queue, which retries them.
   */
  stop: (graceMs: number) => Promise<void>;
};

/** Starts workers for every kind (each kind's concurrency) and its schedule, in this process. */
export async function startJobRunner(options: RunnerOptions): Promise<JobRunner> {
  const { kinds, logger } = options;
  const names = new Set<string>();
  for (const kind of kinds) {
    if (names.has(kind.name)) throw new Error(`Two job kinds are named "${kind.name}"`);
    names.add(kind.name);
  }
  const boss = createBoss(options.connection, { worker: true, timings: options.timings });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await installJobQueue(boss, kinds);
  await syncSchedules(boss, kinds);

  const inFlight = new Set<AbortController>();
  const workerIds = new Map<string, string[]>();
  for (const kind of kinds) {
    const ids: string[] = [];
    for (let i = 0; i < kind.concurrency; i++) {
      ids.push(
        await boss.work<unknown>(kind.name, { includeMetadata: true, batchSize: 1 }, async ([job]) =>
          job ? runJob(kind, job, { boss, db: options.db, logger, inFlight }) : undefined,
        ),
      );
    }
    workerIds.set(kind.name, ids);
  }
  logger.info({ kinds: [...names] }, "job workers started");

  let stopping: Promise<void> | undefined;
  return {
    boss,
    notify: (kindName) => {
      for (const id of workerIds.get(kindName) ?? []) boss.notifyWorker(id);
    },
    stop: (graceMs) =>
      (stopping ??= (async () => {
        logger.info({ graceMs, running: inFlight.size }, "job workers stopping");
        // pg-boss waits up to its timeout for running jobs, then fails those left (to be retried);
        // abort them just before, so a handler that listens to its signal stops writing.
        const abortTimer = setTimeout(
          () => inFlight.forEach((c) => c.abort(new Error("Its worker shut down while it ran."))),
          Math.max(0, graceMs - 200),
        );
        try {
          await boss.stop({ graceful: true, timeout: graceMs, wait: true, close: true });
        } finally {
          clearTimeout(abortTimer);
        }
        logger.info("job workers stopped");
      })()),
  };
}
