import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { recordAuditEvent } from "@/lib/audit/record";
import { listTicketEvents } from "./ticket-timeline";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("ticket timeline on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer, admin: Viewer, otherAdmin: Viewer;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db)).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER", name: "Riya Shah" }));
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
    otherAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: (await seedTenant(t.db)).id }));
    ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id })).id;
    await t.db.$transaction(async (tx) => {
      await recordAuditEvent(tx, {
        actorId: admin.id,
        tenantId,
        ticketId,
        action: "ticket.created",
        details: { severity: "HIGH", symptoms: [] },
      });
      for (let i = 0; i < 7; i++)
        await recordAuditEvent(tx, { actorId: engineer.id, tenantId, ticketId, action: "advisory.acknowledged", target: `d${i}.example` });
      await recordAuditEvent(tx, {
        actorId: engineer.id,
        tenantId,
        ticketId,
        action: "ticket.status_changed",
        details: { from: "RESOLVED", to: "CLOSED" },
      });
    });
  });
  afterAll(() => t.close());

  it("lists the newest events first, says how many there are, and pages to the oldest", async () => {
    const first = await listTicketEvents(t.db, engineer, ticketId, { take: 4 });
    expect(first.total).toBe(9);
    expect(first.events.map((e) => e.sentence)).toEqual([
      "Status changed from Resolved to Closed",
      "Advisory acknowledged by the admins of d6.example",
      "Advisory acknowledged by the admins of d5.example",
      "Advisory acknowledged by the admins of d4.example",
    ]);
    expect(first.events[0]!.actor).toBe("Riya Shah");
    const second = await listTicketEvents(t.db, engineer, ticketId, { take: 4, before: BigInt(first.olderBefore!) });
    const third = await listTicketEvents(t.db, engineer, ticketId, { take: 4, before: BigInt(second.olderBefore!) });
    expect(third.events.map((e) => e.sentence)).toEqual(["Incident reported (severity high)"]);
    expect(third.olderBefore).toBeNull();
  });

  it("shows a tenant admin the customer-facing events of their own tickets only", async () => {
    const forAdmin = await listTicketEvents(t.db, admin, ticketId, { take: 50 });
    expect(forAdmin.events.map((e) => e.label)).toEqual(["Status changed", "Incident reported"]);
    expect(forAdmin.total).toBe(2);
    expect(await listTicketEvents(t.db, otherAdmin, ticketId, { take: 50 })).toMatchObject({ events: [], total: 0 });
  });
});
