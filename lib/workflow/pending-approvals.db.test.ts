import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { countApprovalsAwaiting, listApprovalsAwaiting } from "./pending-approvals";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("approvals waiting for the viewer on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("shows a request to those who may decide it: the tenant's admin and other engineers, never the requester, another tenant or a manager", async () => {
    const tenantId = (await seedTenant(t.db)).id;
    const otherTenantId = (await seedTenant(t.db)).id;
    const admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
    const otherAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: otherTenantId }));
    const requester = viewerOf(await seedUser(t.db, { role: "ENGINEER", name: "Riya Shah" }));
    const colleague = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    const manager = viewerOf(await seedUser(t.db, { role: "MANAGER" }));
    const ticket = await seedTicket(t.db, { tenantId, reporterId: admin.id, status: "TRIAGED" });
    const closed = await seedTicket(t.db, { tenantId, reporterId: admin.id, status: "CLOSED" });
    await t.db.approval.create({ data: { ticketId: ticket.id, stepKey: "containment", requestedById: requester.id } });
    await t.db.approval.create({
      data: { ticketId: ticket.id, stepKey: "remove-inbox-rules", requestedById: requester.id, status: "APPROVED" },
    });
    await t.db.approval.create({ data: { ticketId: closed.id, stepKey: "reset-password", requestedById: requester.id } });

    expect(await listApprovalsAwaiting(t.db, admin, ticket.id)).toEqual([
      expect.objectContaining({ step: "Contain the account (4 steps)", requestedBy: "Riya Shah" }),
    ]);
    expect(await listApprovalsAwaiting(t.db, colleague, ticket.id)).toHaveLength(1);
    for (const v of [requester, otherAdmin, manager]) expect(await listApprovalsAwaiting(t.db, v, ticket.id)).toEqual([]);
    // A closed ticket's old request is not waiting for anyone.
    expect(await listApprovalsAwaiting(t.db, admin, closed.id)).toEqual([]);
    expect(Object.fromEntries(await countApprovalsAwaiting(t.db, admin, [ticket.id, closed.id]))).toEqual({ [ticket.id]: 1 });
    expect((await countApprovalsAwaiting(t.db, otherAdmin, [ticket.id])).size).toBe(0);
  });
});
