import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestQueue, waitFor } from "@/tests/support/job-queue";
import { startWorker, type Worker } from "@/tests/support/job-worker-process";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { RUNS_TABLE_SQL, sleepJob, TEST_JOB_KINDS } from "@/tests/support/test-job-kinds";
import { enqueueJob } from "./enqueue";
import { listJobs } from "./queries";
import type { JobQueue } from "./queue";

// Real worker processes (the `npm run worker` entry point) against PostgreSQL: a job whose
// worker is killed with SIGKILL mid-run is finished by another worker once its time limit has
// passed; SIGTERM lets a running job finish, takes no new one, and hands back one that overruns
// the grace period.

type Run = { attempt: number; pid: number; finished: boolean };

describe.skipIf(!testDbKinds().includes("postgres"))("worker processes on PostgreSQL", () => {
  let t: TestDb;
  let queue: JobQueue;
  const workers: Worker[] = [];
  const runsOf = (marker: string) =>
    t.db.$queryRaw<
      Run[]
    >`SELECT attempt, pid, finished_at IS NOT NULL AS finished FROM test_job_runs WHERE marker = ${marker} ORDER BY attempt`;
  const stateOf = async (id: string) => (await listJobs(t.db, { kind: sleepJob.name }, 100)).rows.find((r) => r.id === id);

  beforeAll(async () => {
    t = await createTestDb("postgres");
    await t.db.$executeRawUnsafe(RUNS_TABLE_SQL);
    queue = await openTestQueue(t, TEST_JOB_KINDS, false);
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await queue?.close();
    await t?.close();
  });

  it("finishes a job in another worker after the one running it was killed with SIGKILL", async () => {
    workers.push(...(await Promise.all([startWorker(t.url!), startWorker(t.url!)])));
    const { id } = await enqueueJob(sleepJob, { marker: "killed", msByAttempt: [10 * 60_000, 100] }, { queue });
    const [first] = await waitFor(async () => ((await runsOf("killed")).length ? runsOf("killed") : undefined), "the first run");
    const victim = workers.find((w) => w.child.pid === first!.pid)!;
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBeNull();
    const done = await waitFor(
      async () => ((await stateOf(id!))?.state === "completed" ? stateOf(id!) : undefined),
      "the job to complete elsewhere",
    );
    const runs = await runsOf("killed");
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ attempt: 1, pid: first!.pid, finished: false });
    const survivor = workers.find((w) => w !== victim)!;
    expect(runs[1]).toMatchObject({ attempt: 2, pid: survivor.child.pid, finished: true });
    expect(done).toMatchObject({ attempts: 2, lastError: "Did not finish within its time limit (or its worker stopped without a word)." });
    survivor.child.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
  });

  it("on SIGTERM lets the running job finish, takes no new one, and exits", async () => {
    const worker = await startWorker(t.url!);
    workers.push(worker);
    const running = await enqueueJob(sleepJob, { marker: "graceful", msByAttempt: [1500] }, { queue });
    await waitFor(async () => ((await runsOf("graceful")).length ? true : undefined), "the run to start");
    worker.child.kill("SIGTERM");
    const waiting = await enqueueJob(sleepJob, { marker: "after-sigterm", msByAttempt: [0] }, { queue });
    expect(await worker.exited).toBe(0);
    expect(await runsOf("graceful")).toEqual([{ attempt: 1, pid: worker.child.pid, finished: true }]);
    expect((await stateOf(running.id!))?.state).toBe("completed");
    expect(await runsOf("after-sigterm")).toEqual([]);
    expect((await stateOf(waiting.id!))?.state).toBe("created");
  });

  it("hands a job that outlasts the grace period back to the queue", async () => {
    const worker = await startWorker(t.url!, { JOBS_SHUTDOWN_SECONDS: "1" });
    workers.push(worker);
    // Longer than the grace period, shorter than the time limit: only the shutdown stops it.
    const { id } = await enqueueJob(sleepJob, { marker: "overrun", msByAttempt: [2500] }, { queue });
    await waitFor(async () => ((await runsOf("overrun")).length ? true : undefined), "the run to start");
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(await runsOf("overrun")).toEqual([{ attempt: 1, pid: worker.child.pid, finished: false }]);
    expect(await stateOf(id!)).toMatchObject({ state: "retry", attempts: 1, lastError: "Its worker shut down while it ran." });
  });
});
