import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { updateIntake } from "./update-intake";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("intake edits on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let admin: Viewer;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db)).id;
    const e = await seedUser(t.db, { role: "ENGINEER" });
    engineer = viewerOf(e);
    const a = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId });
    admin = viewerOf(a);
    ticketId = (
      await seedTicket(t.db, {
        tenantId,
        reporterId: a.id,
        title: "Old title",
        symptoms: ["BULK_MAIL"],
        detectedAt: new Date("2026-11-24T08:00:00Z"),
      })
    ).id;
  });
  afterAll(() => t.close());

  it("keeps each change with before and after, refuses stale versions and tenant admins", async () => {
    const input = {
      ticketId,
      version: 1,
      title: "Megan's mailbox sent 470 messages",
      symptoms: ["BULK_MAIL", "MFA_DISABLED"],
      symptomsNote: "",
      detectedAt: new Date("2026-11-24T07:30:00Z"),
    };
    expect(await updateIntake(t.db, engineer, input)).toEqual({ changed: ["title", "symptoms", "detectedAt"] });
    await expect(updateIntake(t.db, engineer, { ...input, title: "Other" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateIntake(t.db, admin, { ...input, version: 2, title: "Other" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const history = await t.db.auditEvent.findFirstOrThrow({ where: { ticketId, action: "ticket.intake_edited" } });
    expect(history.details).toMatchObject({ changes: { title: { from: "Old title", to: "Megan's mailbox sent 470 messages" } } });
  });
});
