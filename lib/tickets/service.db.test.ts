import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { findBrokenLink } from "@/lib/audit/chain";
import { SEED_RECOMMENDATIONS } from "@/lib/preventive/recommendations";
import { seedComment, seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { getTicketOrThrow, LATEST_COMMENTS, listComments, listTickets } from "./queries";
import { ZCreateTicketInput, ZTicketListQuery } from "./schemas";
import { createTicket } from "@/lib/intake/create-ticket";
import { addComment } from "@/lib/comments/service";
import { viewerOf as asViewer } from "@/tests/support/viewer";

describe.each(testDbKinds())("tickets on %s", (kind) => {
  let t: TestDb;
  let contosoAdmin: Viewer;
  let fabrikamAdmin: Viewer;
  let engineer: Viewer;
  let contosoId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const contoso = await seedTenant(t.db, { displayName: "Contoso", primaryDomain: "contoso.example" });
    const fabrikam = await seedTenant(t.db, { displayName: "Fabrikam", primaryDomain: "fabrikam.example" });
    contosoId = contoso.id;
    contosoAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contoso.id }));
    fabrikamAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: fabrikam.id }));
    engineer = asViewer(await seedUser(t.db, { role: "ENGINEER" }));
  });
  afterAll(() => t.close());

  const intake = (over: Record<string, unknown> = {}) =>
    ZCreateTicketInput.parse({
      affectedUpn: "Megan@Contoso.example",
      symptoms: ["BULK_MAIL", "MFA_DISABLED"],
      detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
      severity: "HIGH",
      ...over,
    });

  it("files an incident in the tenant admin's own tenant with a human number and an audit event", async () => {
    const created = await createTicket(t.db, contosoAdmin, intake());
    expect(created.number).toBeGreaterThanOrEqual(1001);
    const ticket = await getTicketOrThrow(t.db, engineer, created.id);
    expect(ticket).toMatchObject({ tenantId: contosoId, affectedUpn: "megan@contoso.example", status: "NEW", version: 1 });
    expect(ticket.title).toBe("Compromised account: megan@contoso.example");
    const events = await t.db.auditEvent.findMany({ where: { ticketId: created.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["ticket.created", "preventive.recommended"]);
    // The seed report's four recommendations are the ticket's starting follow-up items, in order.
    const items = await t.db.preventiveItem.findMany({
      where: { ticketId: created.id },
      orderBy: { createdAt: "asc" },
      select: { title: true, status: true },
    });
    expect(items).toEqual(SEED_RECOMMENDATIONS.map((title) => ({ title, status: "OPEN" })));
    // The primary account is in scope from the start, to be checked against the tenant after filing.
    expect(
      await t.db.affectedUser.findMany({ where: { ticketId: created.id }, select: { upn: true, isPrimary: true, tenantCheck: true } }),
    ).toEqual([{ upn: "megan@contoso.example", isPrimary: true, tenantCheck: null }]);
  });

  it("still takes comments on a closed ticket, from both sides", async () => {
    const closed = await seedTicket(t.db, { tenantId: contosoId, reporterId: contosoAdmin.id, status: "CLOSED", closedAt: new Date() });
    await addComment(t.db, contosoAdmin, { ticketId: closed.id, body: "It happened again", visibility: "PUBLIC" });
    await addComment(t.db, engineer, { ticketId: closed.id, body: "Looking", visibility: "INTERNAL" });
    expect((await listComments(t.db, engineer, closed.id)).comments.map((c) => c.body)).toEqual(["It happened again", "Looking"]);
  });

  it("refuses an account outside the tenant's domain as a field error", async () => {
    await expect(createTicket(t.db, contosoAdmin, intake({ affectedUpn: "megan@fabrikam.example" }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "affectedUpn" },
    });
  });

  it("does not let an engineer file incidents", async () => {
    await expect(createTicket(t.db, engineer, intake())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers not found for another tenant's ticket, and lists only the admin's own tenant", async () => {
    const created = await createTicket(t.db, contosoAdmin, intake());
    await expect(getTicketOrThrow(t.db, fabrikamAdmin, created.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const fabrikamList = await listTickets(t.db, fabrikamAdmin, ZTicketListQuery.parse({}));
    expect(fabrikamList.rows.map((r) => r.id)).not.toContain(created.id);
    const contosoList = await listTickets(t.db, contosoAdmin, ZTicketListQuery.parse({}));
    expect(contosoList.rows.every((r) => r.tenant.id === contosoId)).toBe(true);
    await expect(addComment(t.db, fabrikamAdmin, { ticketId: created.id, body: "hi", visibility: "PUBLIC" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps internal notes from tenant admins and records the first public response", async () => {
    const created = await createTicket(t.db, contosoAdmin, intake());
    await expect(addComment(t.db, contosoAdmin, { ticketId: created.id, body: "secret", visibility: "INTERNAL" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await addComment(t.db, engineer, { ticketId: created.id, body: "internal note", visibility: "INTERNAL" });
    expect((await getTicketOrThrow(t.db, engineer, created.id)).firstResponseAt).toBeNull();
    await addComment(t.db, engineer, { ticketId: created.id, body: "we are on it", visibility: "PUBLIC" });
    expect((await getTicketOrThrow(t.db, engineer, created.id)).firstResponseAt).toBeInstanceOf(Date);
    expect((await listComments(t.db, contosoAdmin, created.id)).comments.map((c) => c.body)).toEqual(["we are on it"]);
    expect((await listComments(t.db, engineer, created.id)).comments.map((c) => c.body)).toEqual(["internal note", "we are on it"]);
  });

  it("shows the latest updates of a long ticket, oldest first, and all of them when asked", async () => {
    const created = await createTicket(t.db, contosoAdmin, intake());
    const base = Date.now();
    await t.db.comment.createMany({
      data: Array.from({ length: LATEST_COMMENTS + 5 }, (_, i) => ({
        ticketId: created.id,
        authorId: engineer.id,
        visibility: "PUBLIC" as const,
        body: `update ${i + 1}`,
        createdAt: new Date(base + i * 1000),
      })),
    });
    const latest = await listComments(t.db, contosoAdmin, created.id);
    expect(latest.total).toBe(LATEST_COMMENTS + 5);
    expect(latest.comments).toHaveLength(LATEST_COMMENTS);
    expect(latest.comments[0]!.body).toBe("update 6");
    expect(latest.comments.at(-1)!.body).toBe(`update ${LATEST_COMMENTS + 5}`);
    expect((await listComments(t.db, contosoAdmin, created.id, { all: true })).comments.map((c) => c.body)[0]).toBe("update 1");
  });

  it("pages the queue by keyset without gaps or repeats, and filters and searches", async () => {
    const tenant = await seedTenant(t.db, { displayName: "Paging" });
    const reporter = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenant.id });
    for (let i = 0; i < 23; i++) {
      await seedTicket(t.db, {
        tenantId: tenant.id,
        reporterId: reporter.id,
        severity: i % 2 ? "LOW" : "CRITICAL",
        affectedUpn: `u${i}@paging.example`,
      });
    }
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const page = await listTickets(t.db, engineer, ZTicketListQuery.parse({ tenantId: tenant.id, before }), 10);
      seen.push(...page.rows.map((r) => r.number));
      before = page.nextBefore ?? undefined;
    } while (before);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);

    const critical = await listTickets(t.db, engineer, ZTicketListQuery.parse({ tenantId: tenant.id, severity: "CRITICAL" }));
    expect(critical.rows).toHaveLength(12);
    const byUpn = await listTickets(t.db, engineer, ZTicketListQuery.parse({ q: "u7@paging" }));
    expect(byUpn.rows.map((r) => r.affectedUpn)).toEqual(["u7@paging.example"]);
    const byNumber = await listTickets(t.db, engineer, ZTicketListQuery.parse({ q: `inc-${seen[3]}` }));
    expect(byNumber.rows.map((r) => r.number)).toEqual([seen[3]]);
    const unassigned = await listTickets(t.db, engineer, ZTicketListQuery.parse({ tenantId: tenant.id, assignee: "me" }));
    expect(unassigned.rows).toHaveLength(0);
  });

  it("keeps the audit log hash-chained and append-only", async () => {
    const created = await createTicket(t.db, contosoAdmin, intake());
    await seedComment(t.db, { ticketId: created.id, authorId: engineer.id });
    const events = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events.length).toBeGreaterThan(3);
    expect(findBrokenLink(events.map((e) => ({ ...e, details: e.details as unknown })))).toBeNull();
    await expect(t.db.auditEvent.update({ where: { seq: events[0]!.seq }, data: { result: "FAILED" } })).rejects.toThrow();
    await expect(t.db.auditEvent.deleteMany({})).rejects.toThrow();
  });
});
