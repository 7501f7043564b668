import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Kinds for the worker-process tests. Each run is recorded in test_job_runs (created by the test)
// with the process that ran it, so a test can kill exactly that process.

export const RUNS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS test_job_runs (
  marker text NOT NULL, attempt int NOT NULL, pid int NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)`;

export const sleepJob = defineJob({
  name: "test.sleep",
  label: "Sleep",
  payload: z.object({ marker: z.string(), msByAttempt: z.array(z.number().int()) }),
  retry: { limit: 2, delaySeconds: 0, backoff: false },
  // Short, so a run lost with its process is picked up again within seconds.
  expireInSeconds: 3,
  handler: async (p, ctx) => {
    await ctx.db.$executeRaw`INSERT INTO test_job_runs (marker, attempt, pid) VALUES (${p.marker}, ${ctx.attempt}, ${process.pid})`;
    await sleep(p.msByAttempt[ctx.attempt - 1] ?? 0, undefined, { signal: ctx.signal });
    await ctx.db.$executeRaw`UPDATE test_job_runs SET finished_at = now() WHERE marker = ${p.marker} AND attempt = ${ctx.attempt}`;
    return { pid: process.pid };
  },
});

export const TEST_JOB_KINDS = [sleepJob];
