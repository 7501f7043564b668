import pino from "pino";
import type { AnyJobKind } from "@/lib/jobs/define-job";
import type { BossTimings, QueueConnection } from "@/lib/jobs/boss";
import { openJobQueue, type JobQueue } from "@/lib/jobs/queue";
import type { TestDb } from "./test-db";

export const silentLogger = pino({ level: process.env.TEST_JOBS_LOG ?? "silent" });

/** Fast timings for tests: polling every half second, maintenance and schedules every second. */
export const FAST: BossTimings = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, cronIntervalSeconds: 1 };

export function connectionOf(t: TestDb): QueueConnection {
  if (t.pglite) return { kind: "pglite", pglite: t.pglite };
  if (t.url) return { kind: "postgres", url: t.url };
  throw new Error("test database without a connection");
}

export function openTestQueue(t: TestDb, kinds: readonly AnyJobKind[], runWorkers: boolean): Promise<JobQueue> {
  return openJobQueue({ connection: connectionOf(t), kinds, db: t.db, logger: silentLogger, runWorkers, timings: FAST });
}

/** Polls until check() returns a value (not undefined), or fails after timeoutMs. */
export async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
