import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAttachment } from "@/lib/attachments/service";
import { addComment } from "@/lib/comments/service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import type { Viewer } from "./viewer";

// docs/design-basis.md, Roles: managers are read-only on work. The services refuse them whatever the UI shows.
describe.each(testDbKinds())("managers on tickets on %s", (kind) => {
  let t: TestDb;
  let manager: Viewer;
  let engineer: Viewer;
  let ticketId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db)).id;
    const admin = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId });
    manager = await seedUser(t.db, { role: "MANAGER" });
    engineer = await seedUser(t.db, { role: "ENGINEER" });
    ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id })).id;
  });
  afterAll(() => t.close());

  it("cannot comment or attach evidence, internal or public; an engineer can", async () => {
    for (const visibility of ["INTERNAL", "PUBLIC"] as const) {
      await expect(addComment(t.db, manager, { ticketId, body: "Looks fine", visibility })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        saveAttachment(t.db, manager, { ticketId, fileName: "note.txt", bytes: Buffer.from("x"), visibility, evidenceDir: dir }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.db.comment.count({ where: { ticketId } })).toBe(0);
    expect(await t.db.attachment.count({ where: { ticketId } })).toBe(0);
    await addComment(t.db, engineer, { ticketId, body: "Checked the sign-ins", visibility: "INTERNAL" });
    expect(await t.db.comment.count({ where: { ticketId } })).toBe(1);
  });
});
