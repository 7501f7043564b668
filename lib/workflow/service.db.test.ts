import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { assignTicket, transitionTicket, updateOutcome } from "./service";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("ticket workflow on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let otherEngineer: Viewer;
  let manager: Viewer;
  let contosoAdmin: Viewer;
  let fabrikamAdmin: Viewer;
  let contosoId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    contosoId = (await seedTenant(t.db)).id;
    const fabrikamId = (await seedTenant(t.db)).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    otherEngineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    manager = viewerOf(await seedUser(t.db, { role: "MANAGER" }));
    contosoAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contosoId }));
    fabrikamAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: fabrikamId }));
  });
  afterAll(() => t.close());

  const newTicket = () => seedTicket(t.db, { tenantId: contosoId, reporterId: contosoAdmin.id });
  const version = async (id: string) => (await t.db.ticket.findUniqueOrThrow({ where: { id } })).version;

  it("assigning a new ticket picks it up (TRIAGED); only engineers can be assignees", async () => {
    const ticket = await newTicket();
    await assignTicket(t.db, engineer, { ticketId: ticket.id, assigneeId: engineer.id, version: 1 });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      assigneeId: engineer.id,
      status: "TRIAGED",
      version: 2,
    });
    await expect(assignTicket(t.db, engineer, { ticketId: ticket.id, assigneeId: manager.id, version: 2 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "assigneeId" },
    });
  });

  it("reassigns to another engineer and unassigns, each on the version read; a stale one is a conflict", async () => {
    const ticket = await newTicket();
    await assignTicket(t.db, engineer, { ticketId: ticket.id, assigneeId: engineer.id, version: 1 });
    await assignTicket(t.db, engineer, { ticketId: ticket.id, assigneeId: otherEngineer.id, version: 2 });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      assigneeId: otherEngineer.id,
      status: "TRIAGED",
      version: 3,
    });
    await expect(assignTicket(t.db, otherEngineer, { ticketId: ticket.id, assigneeId: null, version: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await assignTicket(t.db, otherEngineer, { ticketId: ticket.id, assigneeId: null, version: 3 });
    // Unassigned, the ticket stays triaged; the timeline says who did what.
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      assigneeId: null,
      status: "TRIAGED",
      version: 4,
    });
    const events = await t.db.auditEvent.findMany({ where: { ticketId: ticket.id, action: "ticket.assigned" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => (e.details as { assignee: string | null }).assignee)).toEqual([engineer.name, otherEngineer.name, null]);
  });

  it("refuses wrong roles and other tenants", async () => {
    const ticket = await newTicket();
    await expect(assignTicket(t.db, manager, { ticketId: ticket.id, assigneeId: manager.id, version: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(transitionTicket(t.db, contosoAdmin, { ticketId: ticket.id, transition: "triage", version: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      updateOutcome(t.db, manager, { ticketId: ticket.id, version: 1, outcomeSummary: "x", lessonsLearned: "", closureReason: "" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const platform = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    await expect(
      transitionTicket(
        t.db,
        { ...platform, role: "TENANT_ADMIN", tenantId: fabrikamAdmin.tenantId },
        { ticketId: ticket.id, transition: "triage", version: 1 },
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the second of two writers with the same version gets a conflict and nothing is overwritten", async () => {
    const ticket = await newTicket();
    await updateOutcome(t.db, engineer, {
      ticketId: ticket.id,
      version: 1,
      outcomeSummary: "First writer",
      lessonsLearned: "",
      closureReason: "",
    });
    await expect(
      updateOutcome(t.db, otherEngineer, {
        ticketId: ticket.id,
        version: 1,
        outcomeSummary: "Second writer",
        lessonsLearned: "",
        closureReason: "",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).outcomeSummary).toBe("First writer");
  });

  it("enforces the status machine and gates closing on the checklist and the outcome", async () => {
    const ticket = await seedTicket(t.db, {
      tenantId: contosoId,
      reporterId: contosoAdmin.id,
      status: "CONTAINED",
      containedAt: new Date(),
    });
    await expect(transitionTicket(t.db, engineer, { ticketId: ticket.id, transition: "close", version: 1 })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await transitionTicket(t.db, engineer, { ticketId: ticket.id, transition: "resolve", version: 1 });
    const blocked = transitionTicket(t.db, engineer, { ticketId: ticket.id, transition: "close", version: 2 });
    await expect(blocked).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("Not ready to close") });
    for (const step of CHECKLIST_STEPS.filter((s) => s.mandatory)) {
      await t.db.checklistStep.create({
        data: {
          ticketId: ticket.id,
          key: step.key,
          state: step.kind === "MANUAL" ? "NOT_APPLICABLE" : "DONE",
          reason: step.kind === "MANUAL" ? "No forwarding configured" : null,
        },
      });
    }
    await updateOutcome(t.db, engineer, {
      ticketId: ticket.id,
      version: 2,
      outcomeSummary: "Account secured, mail flow restored.",
      lessonsLearned: "Enforce MFA.",
      closureReason: "Resolved",
    });
    await transitionTicket(t.db, engineer, { ticketId: ticket.id, transition: "close", version: 3 });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      status: "CLOSED",
      reviewStatus: "IN_REVIEW",
      closedAt: expect.any(Date),
    });
    // Reopening says why: refused beside the field without a reason, recorded with it.
    await expect(
      transitionTicket(t.db, engineer, { ticketId: ticket.id, transition: "reopen", version: 4, reason: "  " }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "reason" } });
    await expect(assignTicket(t.db, engineer, { ticketId: ticket.id, assigneeId: otherEngineer.id, version: 4 })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await transitionTicket(t.db, engineer, { ticketId: ticket.id, transition: "reopen", version: 4, reason: "The consent was missed" });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      status: "REOPENED",
      reviewStatus: "NONE",
      closedAt: null,
    });
    const changes = await t.db.auditEvent.findMany({
      where: { ticketId: ticket.id, action: "ticket.status_changed" },
      orderBy: { seq: "asc" },
    });
    expect(changes.map((c) => (c.details as { to: string }).to)).toEqual(["RESOLVED", "CLOSED", "REOPENED"]);
    expect(changes.at(-1)!.details).toMatchObject({ from: "CLOSED", to: "REOPENED", reason: "The consent was missed" });
    expect(await version(ticket.id)).toBe(5);
  });
});
