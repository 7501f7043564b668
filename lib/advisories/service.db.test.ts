import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { listAdvisories } from "./queries";
import { ZUpdateAdvisoryInput } from "./schemas";
import { sendAdvisory } from "./send";
import { acknowledgeAdvisory, draftTicketAdvisories, markAdvisorySent, redraftAdvisory, updateAdvisory } from "./service";
import { viewerOf as asViewer } from "@/tests/support/viewer";

describe.each(testDbKinds())("advisories on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let manager: Viewer;
  let contosoAdmin: Viewer;
  let fabrikamAdmin: Viewer;
  let tenantId: string;
  let reporterId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const contoso = await seedTenant(t.db, { displayName: "Contoso", primaryDomain: `c${Date.now()}.example` });
    const fabrikam = await seedTenant(t.db, { displayName: "Fabrikam" });
    tenantId = contoso.id;
    engineer = asViewer(await seedUser(t.db, { role: "ENGINEER" }));
    manager = asViewer(await seedUser(t.db, { role: "MANAGER" }));
    contosoAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contoso.id }));
    fabrikamAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: fabrikam.id }));
    reporterId = contosoAdmin.id;
  });
  afterAll(() => t.close());

  async function ticketWithTrace() {
    const tenant = await t.db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const ticket = await seedTicket(t.db, { tenantId, reporterId, affectedUpn: `megan@${tenant.primaryDomain}` });
    const rows = [
      ["gmail.com", "a@gmail.com", "gettingStatus", "Invoice overdue"],
      ["gmail.com", "b@gmail.com", "pending", "Invoice overdue"],
      ["gmail.com", "c@gmail.com", "delivered", "Updated payment details"],
      ["outlook.com", "d@outlook.com", "delivered", "Invoice overdue"],
      [tenant.primaryDomain, `grady@${tenant.primaryDomain}`, "delivered", "Invoice overdue"],
    ];
    await t.db.messageTraceEntry.createMany({
      data: rows.map(([domain, recipient, status, subject], i) => ({
        ticketId: ticket.id,
        traceId: `trace-${i}`,
        senderAddress: ticket.affectedUpn,
        recipient: recipient!,
        recipientDomain: domain!,
        subject,
        status: status!,
        receivedAt: new Date(Date.UTC(2026, 2, 3, 9, i)),
      })),
    });
    return ticket;
  }

  it("drafts one advisory per external domain from the trace, once, with an audit event", async () => {
    const ticket = await ticketWithTrace();
    const first = await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    expect(first.drafted).toEqual(["gmail.com", "outlook.com"]);
    const again = await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    expect(again).toMatchObject({ drafted: [], kept: ["gmail.com", "outlook.com"] });
    const [gmail] = await listAdvisories(t.db, contosoAdmin, ticket.id);
    expect(gmail).toMatchObject({
      domain: "gmail.com",
      status: "DRAFTED",
      version: 1,
      toAddresses: ["abuse@gmail.com", "postmaster@gmail.com"],
    });
    expect(gmail!.body).toContain("  Not settled yet: 2 of these 3 (getting status or pending)");
    expect(gmail!.body).toContain(
      `Block or delete messages from ${ticket.affectedUpn} with subject "Invoice overdue" or "Updated payment details"`,
    );
    const events = await t.db.auditEvent.findMany({ where: { ticketId: ticket.id }, select: { action: true, actorId: true } });
    expect(events).toEqual([{ action: "advisory.drafted", actorId: engineer.id }]);
  });

  it("refuses to draft before the trace has run", async () => {
    const ticket = await seedTicket(t.db, { tenantId, reporterId });
    await expect(draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("edits with optimistic locking, then tracks sent (copied) and acknowledged", async () => {
    const ticket = await ticketWithTrace();
    await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    const [a] = await listAdvisories(t.db, engineer, ticket.id);
    const edit = ZUpdateAdvisoryInput.parse({
      advisoryId: a!.id,
      version: 1,
      toAddresses: "Admin@Gmail.com; abuse@gmail.com",
      subject: "Please block",
      body: "Details",
    });
    expect(edit.toAddresses).toEqual(["admin@gmail.com", "abuse@gmail.com"]);
    await expect(updateAdvisory(t.db, engineer, edit)).resolves.toMatchObject({ version: 2 });
    // A second engineer still holding version 1 is told it changed.
    await expect(updateAdvisory(t.db, engineer, { ...edit, subject: "stale" })).rejects.toMatchObject({ code: "CONFLICT" });
    // Redraft refreshes the text from the trace and keeps the typed addresses.
    await expect(redraftAdvisory(t.db, engineer, { advisoryId: a!.id, version: 2 })).resolves.toMatchObject({ version: 3 });
    let [now] = await listAdvisories(t.db, engineer, ticket.id);
    expect(now).toMatchObject({ toAddresses: ["admin@gmail.com", "abuse@gmail.com"], version: 3 });
    expect(now!.subject).toContain("to gmail.com");

    await expect(acknowledgeAdvisory(t.db, engineer, { advisoryId: a!.id, version: 3 })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await markAdvisorySent(t.db, engineer, { advisoryId: a!.id, version: 3 });
    await expect(updateAdvisory(t.db, engineer, { ...edit, version: 4 })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await acknowledgeAdvisory(t.db, engineer, { advisoryId: a!.id, version: 4, acknowledgedFrom: "postmaster@gmail.com" });
    [now] = await listAdvisories(t.db, engineer, ticket.id);
    // Who recorded the acknowledgement, who at the domain confirmed, and when.
    expect(now).toMatchObject({
      status: "ACKNOWLEDGED",
      version: 5,
      requestId: null,
      sentByName: engineer.name,
      acknowledgedByName: engineer.name,
      acknowledgedFrom: "postmaster@gmail.com",
    });
    expect(now!.acknowledgedAt).toBeInstanceOf(Date);
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { ticketId: ticket.id, action: "advisory.acknowledged" } })).details).toEqual({
      from: "postmaster@gmail.com",
    });
    const actions = (await t.db.auditEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["advisory.drafted", "advisory.edited", "advisory.redrafted", "advisory.sent", "advisory.acknowledged"]);
  });

  it("lets only engineers change advisories, and hides another tenant's", async () => {
    const ticket = await ticketWithTrace();
    await expect(draftTicketAdvisories(t.db, manager, { ticketId: ticket.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(draftTicketAdvisories(t.db, contosoAdmin, { ticketId: ticket.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    const [a] = await listAdvisories(t.db, engineer, ticket.id);
    const ref = { advisoryId: a!.id, version: 1 };
    for (const call of [markAdvisorySent, acknowledgeAdvisory, redraftAdvisory]) {
      await expect(call(t.db, manager, ref)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(call(t.db, fabrikamAdmin, ref)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Editing a draft: both roles refused, for the own tenant's admin as for another tenant's.
    const edit = { ...ref, toAddresses: ["x@gmail.com"], subject: "Hijack", body: "Hijack" };
    for (const viewer of [manager, contosoAdmin, fabrikamAdmin]) {
      await expect(updateAdvisory(t.db, viewer, edit)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await listAdvisories(t.db, engineer, ticket.id))[0]).toMatchObject({ subject: a!.subject, version: 1 });
    // Readers: the own tenant's admin and managers see them; another tenant's admin sees nothing.
    expect(await listAdvisories(t.db, contosoAdmin, ticket.id)).toHaveLength(2);
    expect(await listAdvisories(t.db, manager, ticket.id)).toHaveLength(2);
    expect(await listAdvisories(t.db, fabrikamAdmin, ticket.id)).toEqual([]);
    // An advisory id that does not exist (or is not visible) is "not found".
    const platform = asViewer(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    await expect(
      markAdvisorySent(t.db, platform, { advisoryId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateAdvisory(t.db, platform, { ...edit, advisoryId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("uses the shared conflict message, so the form reloads and keeps the typed text", async () => {
    const ticket = await ticketWithTrace();
    await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    const [a] = await listAdvisories(t.db, engineer, ticket.id);
    await updateAdvisory(t.db, engineer, {
      advisoryId: a!.id,
      version: 1,
      toAddresses: ["admin@gmail.com"],
      subject: "First",
      body: "First",
    });
    await expect(
      updateAdvisory(t.db, engineer, {
        advisoryId: a!.id,
        version: 1,
        toAddresses: ["admin@gmail.com"],
        subject: "Second",
        body: "Second",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: CONFLICT_MESSAGE });
  });

  it("refuses every change to advisories on a closed ticket", async () => {
    const ticket = await ticketWithTrace();
    await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    const [a, b] = await listAdvisories(t.db, engineer, ticket.id);
    await markAdvisorySent(t.db, engineer, { advisoryId: b!.id, version: 1 });
    await t.db.ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED", closedAt: new Date() } });
    const closed = { code: "INVALID_STATE", message: expect.stringContaining("The ticket is closed") };
    const ref = { advisoryId: a!.id, version: 1 };
    await expect(draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id })).rejects.toMatchObject(closed);
    await expect(updateAdvisory(t.db, engineer, { ...ref, toAddresses: ["x@gmail.com"], subject: "s", body: "b" })).rejects.toMatchObject(
      closed,
    );
    await expect(redraftAdvisory(t.db, engineer, ref)).rejects.toMatchObject(closed);
    await expect(markAdvisorySent(t.db, engineer, ref)).rejects.toMatchObject(closed);
    await expect(sendAdvisory(t.db, engineer, ref)).rejects.toMatchObject(closed);
    await expect(acknowledgeAdvisory(t.db, engineer, { advisoryId: b!.id, version: 2 })).rejects.toMatchObject(closed);
    expect((await listAdvisories(t.db, engineer, ticket.id)).map((x) => [x.status, x.version])).toEqual([
      ["DRAFTED", 1],
      ["SENT", 2],
    ]);
  });
});
