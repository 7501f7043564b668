import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { listReviewQueue } from "./review-queue";
import { viewerOf } from "@/tests/support/viewer";

const DAY = 86_400_000;

describe.each(testDbKinds())("review queue on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("lists what waits for review apart from what was decided lately; a resubmitted report only waits", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const tenantId = (await seedTenant(t.db)).id;
    const manager = viewerOf(await seedUser(t.db, { role: "MANAGER", name: "Morgan Lee" }));
    const engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    const reporterId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId })).id;
    const ticket = async (title: string, reviewStatus: "IN_REVIEW" | "APPROVED" | "RETURNED", status: "CLOSED" | "REOPENED" = "CLOSED") =>
      (await seedTicket(t.db, { tenantId, reporterId, title, status, reviewStatus, closedAt: new Date(now.getTime() - 2 * DAY) })).id;
    const version = (ticketId: string, v: number, daysAgo: number) =>
      t.db.reportVersion.create({
        data: { ticketId, version: v, content: {}, markdown: "", createdAt: new Date(now.getTime() - daysAgo * DAY) },
        select: { id: true },
      });
    const decide = (reportVersionId: string, decision: string, daysAgo: number) =>
      t.db.reportReview.create({
        data: { reportVersionId, reviewerId: manager.id, decision, createdAt: new Date(now.getTime() - daysAgo * DAY) },
      });

    const waitingOld = await ticket("Waiting since Monday", "IN_REVIEW");
    await version(waitingOld, 1, 3);
    const waitingNew = await ticket("Waiting since today", "IN_REVIEW");
    await version(waitingNew, 1, 0);
    const approved = await ticket("Approved yesterday", "APPROVED");
    await decide((await version(approved, 1, 2)).id, "APPROVED", 1);
    const resubmitted = await ticket("Returned, then resubmitted", "IN_REVIEW");
    await decide((await version(resubmitted, 1, 4)).id, "RETURNED", 3);
    await version(resubmitted, 2, 1);
    const longAgo = await ticket("Approved long ago", "APPROVED");
    await decide((await version(longAgo, 1, 60)).id, "APPROVED", 59);
    const reopened = await ticket("Returned and reopened", "RETURNED", "REOPENED");
    await decide((await version(reopened, 1, 5)).id, "RETURNED", 4);

    const { waiting, decided } = await listReviewQueue(t.db, manager, now);
    expect(waiting.map((w) => [w.title, w.version])).toEqual([
      ["Waiting since Monday", 1],
      ["Returned, then resubmitted", 2],
      ["Waiting since today", 1],
    ]);
    expect(decided.map((d) => [d.title, d.decision, d.reviewer])).toEqual([
      ["Approved yesterday", "APPROVED", "Morgan Lee"],
      ["Returned and reopened", "RETURNED", "Morgan Lee"],
    ]);
    await expect(listReviewQueue(t.db, engineer, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
