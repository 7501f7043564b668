import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { TICKET_FULL } from "./limits";
import { MAX_BYTES_PER_TICKET, MAX_FILES_PER_TICKET, MAX_UPLOADS_PER_USER } from "./rules";
import { saveAttachment } from "./service";

describe.each(testDbKinds())("evidence quota and upload rate on %s", (kind) => {
  let t: TestDb;
  let tenantId: string;
  let admin: Viewer;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bd-quota-"));
  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db)).id;
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const engineer = async () => viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  const upload = (viewer: Viewer, ticketId: string, name = "note.txt") =>
    saveAttachment(t.db, viewer, { ticketId, fileName: name, bytes: Buffer.from("evidence"), visibility: "INTERNAL", evidenceDir: dir });
  /** Rows as if files had been attached before. */
  const fill = (ticketId: string, count: number, size = 1) =>
    t.db.attachment.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        ticketId,
        uploadedById: admin.id,
        fileName: `old-${i}.txt`,
        contentType: "text/plain",
        size,
        sha256: "0",
        storageKey: `${ticketId}/old-${i}`,
      })),
    });

  it("lets only as many of a parallel burst through as the ticket has room for, and keeps no refused file", async () => {
    const ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id })).id;
    await fill(ticketId, MAX_FILES_PER_TICKET - 2);
    const uploaders = await Promise.all(Array.from({ length: 6 }, engineer));
    const results = await Promise.allSettled(uploaders.map((u) => upload(u, ticketId)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results.filter((x) => x.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "INVALID_STATE",
        message: TICKET_FULL,
        details: { field: "file" },
      });
    }
    expect(await t.db.attachment.count({ where: { ticketId } })).toBe(MAX_FILES_PER_TICKET);
    expect(fs.readdirSync(path.join(dir, ticketId))).toHaveLength(2);
  });

  it("refuses a file that would take the ticket past its bytes", async () => {
    const ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id })).id;
    await fill(ticketId, 1, MAX_BYTES_PER_TICKET - 4);
    await expect(upload(await engineer(), ticketId)).rejects.toMatchObject({ message: TICKET_FULL });
  });

  it("limits how fast one person uploads, with a clear message, and nobody else", async () => {
    const ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id })).id;
    const busy = await engineer();
    for (let i = 0; i < MAX_UPLOADS_PER_USER; i++) await upload(busy, ticketId, `n${i}.txt`);
    await expect(upload(busy, ticketId)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { field: "file" },
      message: expect.stringMatching(
        new RegExp(
          `^You have uploaded ${MAX_UPLOADS_PER_USER} files in the last 10 minutes\\. Wait \\d+ minutes? before uploading more\\.$`,
        ),
      ),
    });
    await expect(upload(await engineer(), ticketId)).resolves.toBeDefined();
  });
});
