import type PgBoss from "pg-boss";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { JOBS_SCHEMA } from "./boss";
import type { AnyJobKind, JobKind, JobRefs } from "./define-job";
import { envelopeOf } from "./envelope";
import { prismaExecutor } from "./executors";
import { sendOptionsOf } from "./install";
import { canCancel, canRetry, type JobState } from "./job-view";
import { getProcessJobQueue, type JobQueue } from "./queue";

const S = JOBS_SCHEMA;

export type EnqueueOptions = {
  /** Enqueue inside this Prisma transaction: the job exists only if the transaction commits. */
  tx?: Db | Prisma.TransactionClient;
  /** Overrides the kind's singletonKey for this job. */
  singletonKey?: string;
  /** Not before this time. */
  startAfter?: Date;
  /** Higher runs first among queued jobs of the kind (default 0). */
  priority?: number;
  /** Default: the process's queue. */
  queue?: JobQueue;
};

/** created: false when an unfinished job with the same key already existed (its id), or a throttled enqueue was dropped (id null). */
export type Enqueued = { id: string; created: boolean } | { id: null; created: false };

function executorFor(queue: JobQueue, tx: EnqueueOptions["tx"]): PgBoss.Db {
  return tx ? prismaExecutor(tx) : queue.boss.getDb();
}

export async function enqueueJob<S extends z.ZodType>(
  kind: JobKind<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<Enqueued> {
  const queue = options.queue ?? getProcessJobQueue();
  const parsed = kind.payload.parse(payload);
  const singletonKey = options.singletonKey ?? kind.singletonKey?.(parsed);
  const db = executorFor(queue, options.tx);
  const id = await queue.boss.send(kind.name, envelopeOf(kind as AnyJobKind, parsed), {
    ...sendOptionsOf(kind as AnyJobKind),
    db,
    singletonKey,
    ...(kind.throttleSeconds ? { singletonSeconds: kind.throttleSeconds } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
  });
  if (id) {
    if (!options.tx) queue.runner?.notify(kind.name);
    return { id, created: true };
  }
  if (singletonKey && !kind.throttleSeconds) {
    const { rows } = await db.executeSql(`SELECT id FROM ${S}.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed'`, [
      kind.name,
      singletonKey,
    ]);
    const existing = (rows[0] as { id?: string } | undefined)?.id;
    if (existing) return { id: existing, created: false };
  }
  if (kind.throttleSeconds) return { id: null, created: false };
  throw new Error(`The job queue has no queue "${kind.name}": add the kind to jobs/registry.ts.`);
}

type Located = { name: string; state: JobState; refs: JobRefs | null };
/** What an action on one job found: its kind and what it is about (for the caller's audit). */
export type JobActedOn = { kind: string; refs: JobRefs };
type ActOptions = { queue?: JobQueue; tx?: EnqueueOptions["tx"] };

/** One of our jobs (pg-boss's own schedule relay is not ours to touch). */
async function locate(db: PgBoss.Db, jobId: string): Promise<Located> {
  const { rows } = await db.executeSql(
    `SELECT name, state::text AS state, data->'refs' AS refs FROM ${S}.job WHERE id = $1::uuid AND name NOT LIKE '\\_\\_pgboss%'`,
    [jobId],
  );
  const row = rows[0] as Located | undefined;
  if (!row) throw new AppError("NOT_FOUND", "Job not found (it may have been archived).");
  return row;
}

// A unique index refused the change: on resume or retry that is bd_job_unfinished_key (a newer
// job with the same key is queued or running). pg reports the SQLSTATE as `code`; Prisma (a
// transaction) wraps it in its driver adapter error. (Partitions name their copies of the index.)
function isKeyTaken(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  return e.code === "23505" || e.meta?.driverAdapterError?.cause?.originalCode === "23505";
}

/** Cancels a queued, waiting or running job (a running handler sees ctx.isCancelled()). With tx, inside that transaction. */
export async function cancelJob(jobId: string, options: ActOptions = {}): Promise<JobActedOn> {
  const queue = options.queue ?? getProcessJobQueue();
  const db = executorFor(queue, options.tx);
  const job = await locate(db, jobId);
  if (!canCancel(job.state)) throw new AppError("INVALID_STATE", "This job has already finished.");
  await queue.boss.cancel(job.name, jobId, { db });
  return { kind: job.name, refs: job.refs ?? {} };
}

/** Queues a failed or cancelled job again, with one more attempt. With tx, inside that transaction. */
export async function retryJob(jobId: string, options: ActOptions = {}): Promise<JobActedOn> {
  const queue = options.queue ?? getProcessJobQueue();
  const db = executorFor(queue, options.tx);
  const job = await locate(db, jobId);
  if (!canRetry(job.state)) throw new AppError("INVALID_STATE", "Only a failed or cancelled job can be run again.");
  try {
    if (job.state === "failed") await queue.boss.retry(job.name, jobId, { db });
    else await queue.boss.resume(job.name, jobId, { db });
  } catch (error) {
    if (isKeyTaken(error)) throw new AppError("INVALID_STATE", "A newer job for the same work is already queued or running.");
    throw error;
  }
  if (!options.tx) queue.runner?.notify(job.name);
  return { kind: job.name, refs: job.refs ?? {} };
}

/** Cancels every unfinished job matching all the given refs (and kind); returns how many. */
export async function cancelJobs(filter: JobRefs & { kind?: string }, options: { queue?: JobQueue } = {}): Promise<number> {
  const queue = options.queue ?? getProcessJobQueue();
  const conditions: string[] = [];
  const values: unknown[] = [];
  for (const key of ["ticketId", "tenantId", "group"] as const) {
    if (filter[key]) {
      values.push(filter[key]);
      conditions.push(`data->'refs'->>'${key}' = $${values.length}`);
    }
  }
  if (filter.kind) {
    values.push(filter.kind);
    conditions.push(`name = $${values.length}`);
  }
  if (conditions.length === 0) throw new Error("cancelJobs needs at least one filter");
  const { rows } = await queue.boss
    .getDb()
    .executeSql(`SELECT name, id FROM ${S}.job WHERE state < 'completed' AND ${conditions.join(" AND ")}`, values);
  const byName = new Map<string, string[]>();
  for (const { name, id } of rows as { name: string; id: string }[]) byName.set(name, [...(byName.get(name) ?? []), id]);
  let cancelled = 0;
  for (const [name, ids] of byName) {
    // pg-boss 10 answers { affected } (its typings say void).
    const result = (await queue.boss.cancel(name, ids)) as unknown as { affected?: number } | undefined;
    cancelled += result?.affected ?? 0;
  }
  return cancelled;
}
