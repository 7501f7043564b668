import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { CLOSED_FOR_REPORTER, getAttachmentForViewer, listAttachments, saveAttachment } from "./service";
import { viewerOf as v } from "@/tests/support/viewer";

describe.each(testDbKinds())("evidence attachments on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let admin: Viewer;
  let otherAdmin: Viewer;
  let ticketId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db)).id;
    const otherTenant = (await seedTenant(t.db)).id;
    engineer = v(await seedUser(t.db, { role: "ENGINEER" }));
    admin = v(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
    otherAdmin = v(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: otherTenant }));
    ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id })).id;
  });
  afterAll(() => t.close());

  it("stores files outside the database with a hash; tenant admins read only public ones of their tenant", async () => {
    const pub = await saveAttachment(t.db, admin, {
      ticketId,
      fileName: "bounce.eml",
      bytes: Buffer.from("Received: x"),
      visibility: "PUBLIC",
      evidenceDir: dir,
    });
    const internal = await saveAttachment(t.db, engineer, {
      ticketId,
      fileName: "../notes.txt",
      bytes: Buffer.from("internal"),
      visibility: "INTERNAL",
      evidenceDir: dir,
    });
    const row = await getAttachmentForViewer(t.db, engineer, internal.id);
    expect(row.fileName).toBe("notes.txt");
    expect(fs.readFileSync(path.join(dir, row.storageKey), "utf8")).toBe("internal");
    expect((await listAttachments(t.db, admin, ticketId)).map((a) => a.fileName)).toEqual(["bounce.eml"]);
    await expect(getAttachmentForViewer(t.db, admin, internal.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAttachmentForViewer(t.db, otherAdmin, pub.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses disallowed types, oversize files and internal uploads by tenant admins", async () => {
    await expect(
      saveAttachment(t.db, admin, { ticketId, fileName: "x.html", bytes: Buffer.from("<script>"), visibility: "PUBLIC", evidenceDir: dir }),
    ).rejects.toMatchObject({ details: { field: "file" } });
    await expect(
      saveAttachment(t.db, engineer, {
        ticketId,
        fileName: "big.pdf",
        bytes: Buffer.alloc(10 * 1024 * 1024 + 1),
        visibility: "INTERNAL",
        evidenceDir: dir,
      }),
    ).rejects.toMatchObject({ details: { field: "file" } });
    await expect(
      saveAttachment(t.db, admin, { ticketId, fileName: "a.txt", bytes: Buffer.from("a"), visibility: "INTERNAL", evidenceDir: dir }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      saveAttachment(t.db, otherAdmin, { ticketId, fileName: "a.txt", bytes: Buffer.from("a"), visibility: "PUBLIC", evidenceDir: dir }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a file whose content is not of its type, e.g. an HTML page named .png, and keeps no file", async () => {
    const before = fs.readdirSync(dir, { recursive: true }).length;
    const html = Buffer.from("<!doctype html><script>fetch('/api/auth/session')</script>");
    await expect(
      saveAttachment(t.db, admin, { ticketId, fileName: "screenshot.png", bytes: html, visibility: "PUBLIC", evidenceDir: dir }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "file" }, message: expect.stringMatching(/not a real \.png file/) });
    await expect(
      saveAttachment(t.db, admin, {
        ticketId,
        fileName: "trace.csv",
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]),
        visibility: "PUBLIC",
        evidenceDir: dir,
      }),
    ).rejects.toMatchObject({ details: { field: "file" }, message: expect.stringMatching(/not plain text/) });
    expect(fs.readdirSync(dir, { recursive: true }).length).toBe(before);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const saved = await saveAttachment(t.db, admin, {
      ticketId,
      fileName: "screenshot.png",
      bytes: png,
      visibility: "PUBLIC",
      evidenceDir: dir,
    });
    expect((await getAttachmentForViewer(t.db, admin, saved.id)).contentType).toBe("image/png");
  });

  it("refuses evidence on a closed ticket, saying why, and leaves no file behind", async () => {
    const closed = await seedTicket(t.db, { tenantId: admin.tenantId!, reporterId: admin.id, status: "CLOSED", closedAt: new Date() });
    const file = { ticketId: closed.id, fileName: "late.txt", bytes: Buffer.from("late"), evidenceDir: dir };
    await expect(saveAttachment(t.db, admin, { ...file, visibility: "PUBLIC" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: CLOSED_FOR_REPORTER,
    });
    await expect(saveAttachment(t.db, engineer, { ...file, visibility: "INTERNAL" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "The ticket is closed: reopen it to attach evidence.",
    });
    expect(await t.db.attachment.count({ where: { ticketId: closed.id } })).toBe(0);
    expect(fs.existsSync(path.join(dir, closed.id))).toBe(false);
  });
});
