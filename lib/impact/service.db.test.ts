import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { createTenantGraph } from "@/lib/graph/client";
import { saveRecipientDomain } from "@/lib/scope/domain-service";
import { addAffectedUser } from "@/lib/scope/service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { saveImpact } from "./service";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("scope and impact on %s", (kind) => {
  let t: TestDb;
  const sim = setUpTestSimulator();
  let engineer: Viewer;
  let admin: Viewer;
  let tenantId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    const e = await seedUser(t.db, { role: "ENGINEER" });
    engineer = viewerOf(e);
    const a = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId });
    admin = viewerOf(a);
  });
  afterAll(async () => {
    await t.close();
  });
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
    });

  it("adds affected accounts only when the tenant has them, and records recipient domains", async () => {
    const ticket = await seedTicket(t.db, { tenantId, reporterId: admin.id, affectedUpn: "megan@contoso.example" });
    await addAffectedUser(t.db, engineer, { ticketId: ticket.id, upn: "grady@contoso.example" }, { graph: graph() });
    await expect(
      addAffectedUser(t.db, engineer, { ticketId: ticket.id, upn: "ghost@contoso.example" }, { graph: graph() }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "upn" } });
    await expect(
      addAffectedUser(t.db, admin, { ticketId: ticket.id, upn: "grady@contoso.example" }, { graph: graph() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await saveRecipientDomain(t.db, engineer, { ticketId: ticket.id, domain: "contoso.example", messageCount: 8, recipientCount: 8 });
    const users = await t.db.affectedUser.findMany({ where: { ticketId: ticket.id } });
    expect(users.map((u) => [u.upn, u.displayName])).toEqual([["grady@contoso.example", "Grady Archie"]]);
    expect(await t.db.recipientDomain.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({
      isInternal: true,
      source: "MANUAL",
    });
  });

  it("saves the assessment, raises severity (never lowers), starts the 72 h clock, and refuses a stale version", async () => {
    const ticket = await seedTicket(t.db, {
      tenantId,
      reporterId: admin.id,
      severity: "MEDIUM",
      detectedAt: new Date("2026-11-24T08:00:00Z"),
    });
    const levels = [{ category: "REGULATORY" as const, level: "HIGH" as const, notes: "Invoices with personal data" }];
    const saved = await saveImpact(t.db, engineer, {
      ticketId: ticket.id,
      version: 1,
      assessments: levels,
      personalDataInvolved: true,
      overallSeverity: "CRITICAL",
    });
    expect(saved).toEqual({ severity: "CRITICAL", previousSeverity: "MEDIUM", notificationDeadline: new Date("2026-11-27T08:00:00Z") });
    // A lower severity is refused beside the field, not saved-and-ignored; nothing changes.
    await expect(
      saveImpact(t.db, engineer, {
        ticketId: ticket.id,
        version: 2,
        assessments: levels,
        personalDataInvolved: false,
        overallSeverity: "LOW",
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "overallSeverity" },
      message: "The ticket is Critical: severity can only be raised. Choose Critical or higher.",
    });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      severity: "CRITICAL",
      personalDataInvolved: true,
      version: 2,
    });
    // The current severity is allowed (saving the rest of the assessment), and reported unchanged.
    expect(
      await saveImpact(t.db, engineer, {
        ticketId: ticket.id,
        version: 2,
        assessments: levels,
        personalDataInvolved: true,
        overallSeverity: "CRITICAL",
      }),
    ).toMatchObject({ severity: "CRITICAL", previousSeverity: "CRITICAL" });
    await expect(
      saveImpact(t.db, engineer, {
        ticketId: ticket.id,
        version: 2,
        assessments: [],
        personalDataInvolved: false,
        overallSeverity: "CRITICAL",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.db.impactAssessment.findFirstOrThrow({ where: { ticketId: ticket.id } })).notes).toBe("Invoices with personal data");
  });

  it("refuses other roles (both tenants' admins, managers), unknown tickets, stale versions and closed tickets", async () => {
    const otherTenant = (await seedTenant(t.db)).id;
    const o = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: otherTenant });
    const otherAdmin: Viewer = viewerOf(o);
    const m = await seedUser(t.db, { role: "MANAGER" });
    const manager: Viewer = viewerOf(m);
    const ticket = await seedTicket(t.db, { tenantId, reporterId: admin.id, severity: "LOW" });
    const input = {
      ticketId: ticket.id,
      version: 1,
      assessments: [{ category: "SECURITY_RISK" as const, level: "HIGH" as const }],
      personalDataInvolved: false,
      overallSeverity: "CRITICAL" as const,
    };
    for (const viewer of [admin, otherAdmin, manager])
      await expect(saveImpact(t.db, viewer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveImpact(t.db, engineer, { ...input, ticketId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await saveImpact(t.db, engineer, input);
    await expect(saveImpact(t.db, engineer, { ...input, overallSeverity: "CRITICAL" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: CONFLICT_MESSAGE,
    });
    await t.db.ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED", closedAt: new Date() } });
    await expect(saveImpact(t.db, engineer, { ...input, version: 2, personalDataInvolved: true })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("The ticket is closed"),
    });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      severity: "CRITICAL",
      personalDataInvolved: false,
      version: 2,
    });
    expect(await t.db.auditEvent.count({ where: { ticketId: ticket.id, action: "ticket.impact_assessed" } })).toBe(1);
  });
});
