import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedComment, seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { listComments } from "./queries";
import { countUpdates } from "./update-counts";
import { viewerOf as v } from "@/tests/support/viewer";

describe.each(testDbKinds())("the Updates tab's counts on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let admin: Viewer;
  let otherAdmin: Viewer;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db)).id;
    const otherTenant = (await seedTenant(t.db)).id;
    engineer = v(await seedUser(t.db, { role: "ENGINEER" }));
    admin = v(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
    otherAdmin = v(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: otherTenant }));
    ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id })).id;
    await seedComment(t.db, { ticketId, authorId: admin.id, visibility: "PUBLIC" });
    await seedComment(t.db, { ticketId, authorId: engineer.id, visibility: "INTERNAL" });
    await seedComment(t.db, { ticketId, authorId: engineer.id, visibility: "PUBLIC" });
    const file = (visibility: "PUBLIC" | "INTERNAL", n: number) => ({
      ticketId,
      uploadedById: engineer.id,
      fileName: `f${n}.txt`,
      contentType: "text/plain",
      size: 1,
      sha256: "0".repeat(64),
      storageKey: `${ticketId}/${n}-${kind}`,
      visibility,
    });
    await t.db.attachment.createMany({ data: [file("INTERNAL", 1), file("INTERNAL", 2), file("PUBLIC", 3)] });
  });
  afterAll(() => t.close());

  it("counts what each viewer can read: all for the engineer, public ones for the tenant admin, none across tenants", async () => {
    expect(await countUpdates(t.db, engineer, ticketId)).toEqual({ comments: 3, attachments: 3 });
    expect(await countUpdates(t.db, admin, ticketId)).toEqual({ comments: 2, attachments: 1 });
    expect(await countUpdates(t.db, otherAdmin, ticketId)).toEqual({ comments: 0, attachments: 0 });
  });

  it("agrees with the comment list the Updates stage shows", async () => {
    for (const viewer of [engineer, admin, otherAdmin]) {
      expect((await countUpdates(t.db, viewer, ticketId)).comments).toBe((await listComments(t.db, viewer, ticketId)).total);
    }
  });
});
