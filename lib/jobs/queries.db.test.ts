import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openTestQueue } from "@/tests/support/job-queue";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { defineJob } from "./define-job";
import { cancelJob, enqueueJob } from "./enqueue";
import { countJobsByState, listJobs, listTicketJobs } from "./queries";
import type { JobQueue } from "./queue";

// The listings behind /admin/jobs and a ticket's jobs: filters, newest first, pages, the archive,
// and nothing of pg-boss's own queues. No workers run here, so jobs stay where they are put.

const alpha = defineJob({
  name: "test.alpha",
  label: "Alpha",
  payload: z.object({ n: z.number(), ticketId: z.string().optional() }),
  refs: (p) => ({ ticketId: p.ticketId }),
  handler: async () => ({}),
});
const beta = defineJob({ name: "test.beta", label: "Beta", payload: z.object({ n: z.number() }), handler: async () => ({}) });

describe.each(testDbKinds())("job listings on %s", (dbKind) => {
  let t: TestDb;
  let queue: JobQueue;
  const ids: string[] = [];
  const ticketId = crypto.randomUUID();
  beforeAll(async () => {
    t = await createTestDb(dbKind);
    queue = await openTestQueue(t, [alpha, beta], false);
    for (let n = 0; n < 5; n++) ids.push((await enqueueJob(alpha, { n, ticketId: n < 2 ? ticketId : undefined }, { queue })).id!);
    for (let n = 0; n < 2; n++) ids.push((await enqueueJob(beta, { n }, { queue })).id!);
    await cancelJob(ids[6]!, { queue });
    // As pg-boss's maintenance archives a finished job: moved, row for row, to the archive.
    await t.db.$executeRawUnsafe(
      `WITH moved AS (DELETE FROM pgboss.job WHERE id = $1::uuid RETURNING *) INSERT INTO pgboss.archive SELECT *, now() FROM moved`,
      ids[6],
    );
    // pg-boss's own relay queue (schedules) must not show.
    await queue.boss.createQueue("__pgboss__send-it");
    expect(await queue.boss.send("__pgboss__send-it", { name: "test.beta" })).toEqual(expect.any(String));
  });
  afterAll(async () => {
    await queue?.close();
    await t?.close();
  });

  it("lists every job newest first, by kind and state, with the archive", async () => {
    const all = await listJobs(t.db, {});
    expect(all.rows.map((r) => r.id)).toEqual([...ids].reverse());
    expect(all.next).toBeNull();
    expect((await listJobs(t.db, { kind: "test.beta" })).rows.map((r) => [r.id, r.state, r.archived])).toEqual([
      [ids[6], "cancelled", true],
      [ids[5], "created", false],
    ]);
    expect((await listJobs(t.db, { state: "created", kind: "test.alpha" })).rows).toHaveLength(5);
    expect((await listJobs(t.db, { state: "failed" })).rows).toEqual([]);
  });

  it("pages by the last row seen", async () => {
    const first = await listJobs(t.db, {}, 3);
    expect(first.rows.map((r) => r.id)).toEqual([ids[6], ids[5], ids[4]]);
    const second = await listJobs(t.db, { cursor: first.next! }, 3);
    expect(second.rows.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
    const third = await listJobs(t.db, { cursor: second.next! }, 3);
    expect(third).toEqual({ rows: [expect.objectContaining({ id: ids[0] })], next: null });
  });

  it("lists a ticket's jobs only, and counts the live queue by state", async () => {
    expect((await listTicketJobs(t.db, ticketId)).map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect(await countJobsByState(t.db)).toEqual({ created: 6, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 });
  });
});
