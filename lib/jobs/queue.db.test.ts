import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { openTestQueue, waitFor } from "@/tests/support/job-queue";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { defineJob } from "./define-job";
import { cancelJob, cancelJobs, enqueueJob, retryJob } from "./enqueue";
import { syncSchedules } from "./install";
import { listJobs, listTicketJobs, type JobRow } from "./queries";
import type { JobQueue } from "./queue";

// The queue end to end on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set)
// through pg-boss: enqueue, run, retry with backoff, permanent failure, cancel, idempotency keys,
// enqueue inside a transaction, schedules.

const calls: Record<string, number> = {};
const count = (key: string) => (calls[key] = (calls[key] ?? 0) + 1);

const echo = defineJob({
  name: "test.echo",
  label: "Echo",
  payload: z.object({ text: z.string(), ticketId: z.string().optional() }),
  refs: (p) => ({ ticketId: p.ticketId }),
  handler: async (p, ctx) => ({ echoed: p.text, attempt: ctx.attempt }),
});

const flaky = defineJob({
  name: "test.flaky",
  label: "Flaky",
  payload: z.object({ key: z.string(), failures: z.number().int() }),
  retry: { limit: 3, delaySeconds: 1, backoff: true },
  handler: async (p) => {
    if (count(p.key) <= p.failures) throw new AppError("UPSTREAM_UNAVAILABLE", `Graph did not answer (run ${calls[p.key]}).`);
    return { ok: true };
  },
});

const hopeless = defineJob({
  name: "test.hopeless",
  label: "Hopeless",
  payload: z.object({ key: z.string() }),
  retry: { limit: 5, delaySeconds: 1 },
  handler: async (p) => {
    count(p.key);
    throw new AppError("NOT_FOUND", "Ticket not found.");
  },
});

const crashing = defineJob({
  name: "test.crashing",
  label: "Crashing",
  payload: z.object({}),
  retry: { limit: 0 },
  handler: async () => {
    throw new Error("connection string postgres://secret@db leaked into a message");
  },
});

const keyed = defineJob({
  name: "test.keyed",
  label: "Keyed",
  payload: z.object({ accountId: z.string(), step: z.string() }),
  singletonKey: (p) => `${p.accountId}:${p.step}`,
  handler: async () => ({}),
});

const ticking = defineJob({
  name: "test.ticking",
  label: "Ticking",
  payload: z.object({ source: z.string() }),
  schedule: { cron: "* * * * *", payload: { source: "cron" } },
  handler: async (p) => ({ source: p.source }),
});

const KINDS = [echo, flaky, hopeless, crashing, keyed, ticking];

async function jobById(t: TestDb, id: string): Promise<JobRow | undefined> {
  return (await listJobs(t.db, {}, 500)).rows.find((r) => r.id === id);
}

function settled(t: TestDb, id: string, state: JobRow["state"]) {
  return waitFor(async () => {
    const row = await jobById(t, id);
    return row?.state === state ? row : undefined;
  }, `job ${id} to be ${state}`);
}

describe.each(testDbKinds())("job queue on %s", (dbKind) => {
  let t: TestDb;
  let queue: JobQueue;
  beforeAll(async () => {
    t = await createTestDb(dbKind);
    queue = await openTestQueue(t, KINDS, true);
  });
  afterAll(async () => {
    await queue?.close(1000);
    await t?.close();
  });

  it("runs an enqueued job to completion and lists it with its ticket", async () => {
    const ticketId = crypto.randomUUID();
    const { id, created } = await enqueueJob(echo, { text: "hello", ticketId }, { queue });
    expect(created).toBe(true);
    const row = await settled(t, id!, "completed");
    expect(row).toMatchObject({ kind: "test.echo", attempts: 1, maxAttempts: 6, lastError: null, refs: { ticketId } });
    expect(row.startedAt).not.toBeNull();
    expect(row.finishedAt).not.toBeNull();
    expect((await listTicketJobs(t.db, ticketId)).map((r) => r.id)).toEqual([id]);
    expect(await listTicketJobs(t.db, crypto.randomUUID())).toEqual([]);
  });

  it("retries a failing handler with backoff and keeps the last error visible", async () => {
    const key = `flaky-${dbKind}`;
    const { id } = await enqueueJob(flaky, { key, failures: 2 }, { queue });
    const waiting = await settled(t, id!, "retry");
    expect(waiting.lastError).toBe("Graph did not answer (run 1).");
    expect(waiting.attempts).toBe(1);
    const done = await settled(t, id!, "completed");
    expect(done).toMatchObject({ attempts: 3, maxAttempts: 4, lastError: "Graph did not answer (run 2)." });
    expect(calls[key]).toBe(3);
  });

  it("fails at once on an error another attempt cannot change, and stores no raw error text", async () => {
    const key = `hopeless-${dbKind}`;
    const { id } = await enqueueJob(hopeless, { key }, { queue });
    expect(await settled(t, id!, "failed")).toMatchObject({ attempts: 1, lastError: "Ticket not found." });
    expect(calls[key]).toBe(1);
    const crashed = await enqueueJob(crashing, {}, { queue });
    const row = await settled(t, crashed.id!, "failed");
    expect(row.lastError).toMatch(/^Something went wrong on our side/);
    const [stored] = await t.db.$queryRawUnsafe<{ output: string }[]>(
      `SELECT output::text AS output FROM pgboss.job WHERE id = $1::uuid`,
      crashed.id,
    );
    expect(stored?.output).toContain("Something went wrong");
    expect(stored?.output).not.toMatch(/secret|stack|at /);
  });

  it("runs a failed job again on request, and refuses to retry a finished one", async () => {
    const key = `hopeless-again-${dbKind}`;
    const { id } = await enqueueJob(hopeless, { key }, { queue });
    await settled(t, id!, "failed");
    await retryJob(id!, { queue });
    await waitFor(async () => (calls[key] === 2 ? true : undefined), "the second run");
    expect(await settled(t, id!, "failed")).toMatchObject({ attempts: 2 });
    const done = await enqueueJob(echo, { text: "x" }, { queue });
    await settled(t, done.id!, "completed");
    await expect(retryJob(done.id!, { queue })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(cancelJob(done.id!, { queue })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(cancelJob(crypto.randomUUID(), { queue })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cancels a queued job before it runs, and queues it again on request", async () => {
    const later = new Date(Date.now() + 3600_000);
    const { id } = await enqueueJob(echo, { text: "later" }, { queue, startAfter: later });
    await cancelJob(id!, { queue });
    expect((await jobById(t, id!))?.state).toBe("cancelled");
    await retryJob(id!, { queue });
    expect((await jobById(t, id!))?.state).toBe("created");
    const group = crypto.randomUUID();
    const a = await enqueueJob(echo, { text: "a", ticketId: group }, { queue, startAfter: later });
    const b = await enqueueJob(echo, { text: "b", ticketId: group }, { queue, startAfter: later });
    expect(await cancelJobs({ ticketId: group }, { queue })).toBe(2);
    expect((await listTicketJobs(t.db, group)).map((r) => r.state)).toEqual(["cancelled", "cancelled"]);
    expect([a.id, b.id]).not.toContain(id);
  });

  it("keeps one unfinished job per idempotency key, and takes a new one once it has finished", async () => {
    const later = new Date(Date.now() + 3600_000);
    const first = await enqueueJob(keyed, { accountId: "megan", step: "reset" }, { queue, startAfter: later });
    const again = await enqueueJob(keyed, { accountId: "megan", step: "reset" }, { queue });
    expect(again).toEqual({ id: first.id, created: false });
    const other = await enqueueJob(keyed, { accountId: "megan", step: "block" }, { queue });
    expect(other.created).toBe(true);
    await cancelJob(first.id!, { queue });
    const fresh = await enqueueJob(keyed, { accountId: "megan", step: "reset" }, { queue });
    expect(fresh.created).toBe(true);
    // The cancelled one cannot come back while the fresh one is unfinished.
    await settled(t, fresh.id!, "completed");
    const third = await enqueueJob(keyed, { accountId: "megan", step: "reset" }, { queue, startAfter: later });
    await expect(retryJob(first.id!, { queue })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/newer job/),
    });
    expect(third.created).toBe(true);
  });

  it("enqueues inside a transaction only when it commits", async () => {
    const marker = crypto.randomUUID();
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueJob(echo, { text: "rolled back", ticketId: marker }, { queue, tx });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await listTicketJobs(t.db, marker)).toEqual([]);
    const id = await t.db.$transaction(async (tx) => (await enqueueJob(echo, { text: "committed", ticketId: marker }, { queue, tx })).id);
    await settled(t, id!, "completed");
  });

  it("fires a schedule, and drops it once the kind has none or is gone", async () => {
    const row = await waitFor(async () => (await listJobs(t.db, { kind: "test.ticking", state: "completed" })).rows[0], "a scheduled run");
    expect(row.kind).toBe("test.ticking");
    const scheduled = async () => (await queue.boss.getSchedules()).map((s) => s.name);
    expect(await scheduled()).toEqual(["test.ticking"]);
    await syncSchedules(queue.boss, [echo, { ...ticking, schedule: undefined }]);
    expect(await scheduled()).toEqual([]);
    await syncSchedules(queue.boss, KINDS);
    expect(await scheduled()).toEqual(["test.ticking"]);
    await syncSchedules(queue.boss, [echo]);
    expect(await scheduled()).toEqual([]);
  });
});
