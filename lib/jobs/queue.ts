import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-client";
import { createBoss, type BossTimings, type QueueConnection } from "./boss";
import type { AnyJobKind } from "./define-job";
import { installJobQueue } from "./install";
import { startJobRunner, type JobRunner } from "./runner";

// The job queue of a process: a pg-boss instance that enqueues and reads, and, where this
// process works jobs too, the runner that owns it. Opened once at process start (the server's
// instrumentation, `npm run worker`, a test) and set as the process's queue for enqueueJob.

export type JobQueue = {
  boss: PgBoss;
  runner: JobRunner | null;
  /** Stops the workers (see JobRunner.stop) or the client. */
  close: (graceMs?: number) => Promise<void>;
};

export type OpenQueueOptions = {
  connection: QueueConnection;
  kinds: readonly AnyJobKind[];
  db: Db;
  logger: Logger;
  /** Work jobs in this process, or only enqueue and read. */
  runWorkers: boolean;
  timings?: Partial<BossTimings>;
};

export async function openJobQueue(options: OpenQueueOptions): Promise<JobQueue> {
  if (options.runWorkers) {
    const runner = await startJobRunner(options);
    return { boss: runner.boss, runner, close: (graceMs = 30_000) => runner.stop(graceMs) };
  }
  const boss = createBoss(options.connection, { worker: false, timings: options.timings });
  boss.on("error", (error) => options.logger.error({ err: error }, "job queue error"));
  await installJobQueue(boss, options.kinds);
  return { boss, runner: null, close: () => boss.stop({ graceful: false, close: true }) };
}

type Holder = { queue?: JobQueue };
const holder = ((globalThis as { __breachdeskJobQueue?: Holder }).__breachdeskJobQueue ??= {});

export function setProcessJobQueue(queue: JobQueue | undefined): void {
  holder.queue = queue;
}

export function getProcessJobQueue(): JobQueue {
  if (!holder.queue) {
    throw new Error("The job queue is not open in this process (the server opens it at start, `npm run worker` in its own process).");
  }
  return holder.queue;
}
