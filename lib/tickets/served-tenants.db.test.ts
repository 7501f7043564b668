import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { listAssignableEngineers } from "@/lib/workflow/assignees";
import { assignTicket } from "@/lib/workflow/service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { listQueueFilterOptions, getTicketOrThrow, listTickets } from "./queries";
import { ZTicketListQuery } from "./schemas";
import { addComment } from "@/lib/comments/service";

// A support engineer sees and works only the tickets of the tenants it serves (docs/design-basis.md, Roles), unless
// it serves all tenants; a ticket of another tenant is "not found", as for a tenant admin.
describe.each(testDbKinds())("tenants an engineer serves, on %s", (kind) => {
  let t: TestDb;
  let contoso: string;
  let fabrikam: string;
  let contosoTicket: string;
  let fabrikamTicket: string;
  let scoped: Viewer;
  let everywhere: Viewer;
  let platform: Viewer;
  beforeAll(async () => {
    t = await createTestDb(kind);
    contoso = (await seedTenant(t.db, { displayName: "Contoso" })).id;
    fabrikam = (await seedTenant(t.db, { displayName: "Fabrikam" })).id;
    const scopedRow = await seedUser(t.db, { role: "ENGINEER", name: "Scoped", servesAllTenants: false });
    await t.db.tenantEngineer.create({ data: { tenantId: contoso, userId: scopedRow.id } });
    scoped = viewerOf(scopedRow);
    everywhere = viewerOf(await seedUser(t.db, { role: "ENGINEER", name: "Everywhere" }));
    platform = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN", name: "Platform" }));
    const reporter = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contoso });
    const fabReporter = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: fabrikam });
    contosoTicket = (await seedTicket(t.db, { tenantId: contoso, reporterId: reporter.id })).id;
    fabrikamTicket = (await seedTicket(t.db, { tenantId: fabrikam, reporterId: fabReporter.id })).id;
  });
  afterAll(() => t.close());

  it("lists and opens only the served tenants' tickets; another tenant's ticket is not found", async () => {
    const ids = (await listTickets(t.db, scoped, ZTicketListQuery.parse({}))).rows.map((r) => r.id);
    expect(ids).toContain(contosoTicket);
    expect(ids).not.toContain(fabrikamTicket);
    // Asking for the other tenant by filter does not widen the scope.
    expect((await listTickets(t.db, scoped, ZTicketListQuery.parse({ tenantId: fabrikam }))).rows).toEqual([]);
    await expect(getTicketOrThrow(t.db, scoped, fabrikamTicket)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addComment(t.db, scoped, { ticketId: fabrikamTicket, body: "hi", visibility: "INTERNAL" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const options = await listQueueFilterOptions(t.db, scoped);
    expect(options.tenants.map((x) => x.displayName)).toEqual(["Contoso"]);
  });

  it("lets an engineer who serves all tenants see both", async () => {
    const ids = (await listTickets(t.db, everywhere, ZTicketListQuery.parse({}))).rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([contosoTicket, fabrikamTicket]));
  });

  it("assigns a ticket only to someone who serves its tenant", async () => {
    const forFabrikam = (await listAssignableEngineers(t.db, platform, fabrikam)).map((u) => u.name);
    expect(forFabrikam).toEqual(expect.arrayContaining(["Everywhere", "Platform"]));
    expect(forFabrikam).not.toContain("Scoped");
    expect((await listAssignableEngineers(t.db, platform, contoso)).map((u) => u.name)).toContain("Scoped");
    const version = (await t.db.ticket.findUniqueOrThrow({ where: { id: fabrikamTicket } })).version;
    await expect(assignTicket(t.db, platform, { ticketId: fabrikamTicket, assigneeId: scoped.id, version })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "assigneeId" },
    });
    await assignTicket(t.db, platform, { ticketId: fabrikamTicket, assigneeId: everywhere.id, version });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: fabrikamTicket } })).assigneeId).toBe(everywhere.id);
  });
});
