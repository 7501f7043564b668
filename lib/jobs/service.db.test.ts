import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { findBrokenLink, type ChainedEvent } from "@/lib/audit/chain";
import { seedUser } from "@/prisma/seed/factories";
import { openTestQueue } from "@/tests/support/job-queue";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { defineJob } from "./define-job";
import { enqueueJob } from "./enqueue";
import { listJobs } from "./queries";
import type { JobQueue } from "./queue";
import { cancelJobAsAdmin, retryJobAsAdmin } from "./service";

// The admin's cancel and run-again: platform admins only, audited in the same transaction, and
// nothing written when the change is refused.

const keyed = defineJob({
  name: "test.keyed-admin",
  label: "Keyed",
  payload: z.object({ key: z.string() }),
  singletonKey: (p) => p.key,
  handler: async () => ({}),
});
const later = () => new Date(Date.now() + 3600_000);

describe.each(testDbKinds())("admin job actions on %s", (dbKind) => {
  let t: TestDb;
  let queue: JobQueue;
  beforeAll(async () => {
    t = await createTestDb(dbKind);
    queue = await openTestQueue(t, [keyed], false);
  });
  afterAll(async () => {
    await queue?.close();
    await t?.close();
  });
  const stateOf = async (id: string) => (await listJobs(t.db, {})).rows.find((r) => r.id === id)?.state;
  const events = () => t.db.auditEvent.findMany({ where: { action: { startsWith: "job." } }, orderBy: { seq: "asc" } });

  it("refuses anyone but a platform admin and changes nothing", async () => {
    const engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    const { id } = await enqueueJob(keyed, { key: "a" }, { queue, startAfter: later() });
    await expect(cancelJobAsAdmin(t.db, engineer, id!, queue)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stateOf(id!)).toBe("created");
    expect(await events()).toEqual([]);
  });

  it("cancels and runs again with an audit event each, and writes none when refused", async () => {
    const admin = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    const { id } = await enqueueJob(keyed, { key: "b" }, { queue, startAfter: later() });
    await cancelJobAsAdmin(t.db, admin, id!, queue);
    expect(await stateOf(id!)).toBe("cancelled");
    await retryJobAsAdmin(t.db, admin, id!, queue);
    expect(await stateOf(id!)).toBe("created");
    expect((await events()).map((e) => [e.action, e.actorId, e.target, e.details])).toEqual([
      ["job.cancelled", admin.id, id, { kind: "test.keyed-admin" }],
      ["job.retried", admin.id, id, { kind: "test.keyed-admin" }],
    ]);
    // A newer job took the key while this one was cancelled: running it again is refused, unaudited.
    await cancelJobAsAdmin(t.db, admin, id!, queue);
    const newer = await enqueueJob(keyed, { key: "b" }, { queue, startAfter: later() });
    expect(newer.created).toBe(true);
    await expect(retryJobAsAdmin(t.db, admin, id!, queue)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/newer job/),
    });
    expect(await stateOf(id!)).toBe("cancelled");
    expect(await events()).toHaveLength(3);
    await expect(cancelJobAsAdmin(t.db, admin, crypto.randomUUID(), queue)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const chain = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(findBrokenLink(chain as unknown as ChainedEvent[])).toBeNull();
  });
});
