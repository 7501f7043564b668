import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-client";
import { JOBS_SCHEMA } from "./boss";
import type { AnyJobKind } from "./define-job";
import { parseEnvelope } from "./envelope";
import { abortedFailure, describeFailure, failureForQueue, PermanentJobError } from "./failure";
import { lastErrorOf } from "./job-view";

export type RunDeps = { boss: PgBoss; db: Db; logger: Logger; inFlight: Set<AbortController> };

const S = JOBS_SCHEMA;

async function isCancelled(boss: PgBoss, name: string, id: string): Promise<boolean> {
  const { rows } = await boss.getDb().executeSql(`SELECT state FROM ${S}.job WHERE name = $1 AND id = $2`, [name, id]);
  const state = (rows[0] as { state?: string } | undefined)?.state;
  return state === undefined || state === "cancelled";
}

/** No more retries for this run: pg-boss then marks the job failed instead of waiting to retry. */
async function giveUp(boss: PgBoss, name: string, id: string): Promise<void> {
  await boss
    .getDb()
    .executeSql(`UPDATE ${S}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`, [name, id]);
}

/**
 * Runs one fetched job through its kind's handler. Resolves with the output stored on
 * completion; throws a stack-free JobFailure for pg-boss to store (and retry, unless permanent).
 */
export async function runJob(kind: AnyJobKind, job: PgBoss.JobWithMetadata<unknown>, deps: RunDeps): Promise<object> {
  const attempt = job.retryCount + 1;
  const logger = deps.logger.child({ job: kind.name, jobId: job.id, attempt });
  const previousError = job.retryCount > 0 ? lastErrorOf("retry", job.output) : null;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("Did not finish within its time limit.")), kind.expireInSeconds * 1000);
  deps.inFlight.add(controller);
  try {
    const envelope = parseEnvelope(job.data);
    const parsed = envelope ? kind.payload.safeParse(envelope.payload) : undefined;
    if (!parsed?.success) throw new PermanentJobError("The job's payload does not match its kind (was it changed since it was queued?).");
    logger.info("job started");
    const result = await kind.handler(parsed.data, {
      jobId: job.id,
      attempt,
      maxAttempts: job.retryLimit + 1,
      signal: controller.signal,
      isCancelled: () => isCancelled(deps.boss, kind.name, job.id),
      db: deps.db,
      logger,
    });
    logger.info("job completed");
    return { ...(previousError ? { lastError: previousError } : {}), ...(isPlainObject(result) ? { result } : {}) };
  } catch (error) {
    // Stopped by its time limit or a shutdown: say so, rather than whatever the handler threw.
    const failure = controller.signal.aborted ? abortedFailure(controller.signal.reason) : describeFailure(error);
    logger.error({ err: error, permanent: failure.permanent }, "job failed");
    if (failure.permanent) await giveUp(deps.boss, kind.name, job.id);
    throw failureForQueue(failure);
  } finally {
    clearTimeout(timer);
    deps.inFlight.delete(controller);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
