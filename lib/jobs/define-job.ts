import type { Logger } from "pino";
import type { z } from "zod";
import type { Db } from "@/lib/db/create-client";

// A job kind is declared once, where its domain lives, and wired into the worker by the one
// registry (jobs/registry.ts). Nothing here imports a domain.

/** What a job is about, stored beside its payload so the ticket page and admins can find it. */
export type JobRefs = { ticketId?: string; tenantId?: string; group?: string };

export type JobContext = {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the job's time limit is reached or the worker shuts down past its grace period. */
  signal: AbortSignal;
  /** True once someone cancelled this job; long handlers check it between steps and return. */
  isCancelled: () => Promise<boolean>;
  db: Db;
  logger: Logger;
};

export type JobRetry = {
  /** Runs after the first (0 = never retried). A crashed run counts as one. */
  limit: number;
  /** Seconds before the first retry. */
  delaySeconds: number;
  /** Double the delay at each retry (with jitter). */
  backoff: boolean;
};

export type JobSchedule = {
  /** Five-field cron expression, evaluated in UTC unless tz is given. */
  cron: string;
  tz?: string;
};

export type JobKindOptions<S extends z.ZodType> = {
  /** Queue name: lowercase, dot- or dash-separated, e.g. "auth.purge-expired-sign-in-state". Never rename a live kind. */
  name: string;
  /** Human label for the admin page. */
  label: string;
  payload: S;
  // Method syntax on purpose: a registry holds kinds of different payloads as AnyJobKind.
  handler(payload: z.output<S>, ctx: JobContext): Promise<unknown>;
  retry?: Partial<JobRetry>;
  /** A run that takes longer is failed (and retried); also how soon a run lost in a crashed process is picked up again. */
  expireInSeconds?: number;
  /**
   * The idempotency key: while a job of this kind with the same key is queued, waiting to retry
   * or running, enqueueing another returns the existing one. Omit for "every enqueue runs".
   */
  singletonKey?(payload: z.output<S>): string;
  /** At most one job per key (or per kind) starts in each window of this many seconds; extra enqueues are dropped. */
  throttleSeconds?: number;
  refs?(payload: z.output<S>): JobRefs;
  /** Parallel runs of this kind per worker process (default 1). */
  concurrency?: number;
  /** Enqueue on a schedule (once per cron tick across all processes) with this payload. */
  schedule?: JobSchedule & { payload: z.input<S> };
};

export type JobKind<S extends z.ZodType = z.ZodType> = Readonly<
  Omit<JobKindOptions<S>, "retry" | "expireInSeconds" | "concurrency"> & {
    retry: JobRetry;
    expireInSeconds: number;
    concurrency: number;
  }
>;

export type AnyJobKind = JobKind<z.ZodType>;

const NAME = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

export const DEFAULT_RETRY: JobRetry = { limit: 5, delaySeconds: 10, backoff: true };
export const DEFAULT_EXPIRE_SECONDS = 15 * 60;

export function defineJob<S extends z.ZodType>(options: JobKindOptions<S>): JobKind<S> {
  if (!NAME.test(options.name) || options.name.length > 100) throw new Error(`Invalid job kind name "${options.name}"`);
  const expireInSeconds = options.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS;
  // pg-boss caps a run at 24 hours; a longer job should be split into steps.
  if (!(expireInSeconds >= 1 && expireInSeconds < 24 * 3600)) throw new Error(`${options.name}: expireInSeconds must be 1 s – 24 h`);
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 50) throw new Error(`${options.name}: concurrency must be 1–50`);
  return Object.freeze({ ...options, retry: { ...DEFAULT_RETRY, ...options.retry }, expireInSeconds, concurrency });
}
