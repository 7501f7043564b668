import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { findBrokenLink } from "@/lib/audit/chain";
import { createTenantGraph } from "@/lib/graph/client";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { control, startTestSimulator } from "@/simulator/test/support";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { runContainment } from "./containment";

const viewerOf = (u: { id: string; email: string; name: string; role: Viewer["role"]; tenantId: string | null }): Viewer => ({ ...u });

describe.each(testDbKinds())("containment on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let engineer: Viewer;
  let contosoAdmin: Viewer;
  const tenants = new Map<string, string>();
  const graph = (demo: DemoTenant, timeoutMs = 10_000) =>
    createTenantGraph({ tenantId: demo.tenantId, clientId: demo.clientId, clientSecret: demo.clientSecret, simulatorUrl: sim.url, retry: { maxRetries: 2, delaySeconds: 1 }, timeoutMs });
  const ticketFor = async (demo: DemoTenant, upn: string) =>
    seedTicket(t.db, { tenantId: tenants.get(demo.tenantId)!, reporterId: contosoAdmin.id, affectedUpn: upn, status: "TRIAGED" });

  beforeAll(async () => {
    t = await createTestDb(kind);
    sim = await startTestSimulator({ validateRequests: true });
    for (const demo of [CONTOSO, FABRIKAM]) tenants.set(demo.tenantId, (await seedTenant(t.db, { entraTenantId: demo.tenantId, primaryDomain: demo.primaryDomain })).id);
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    contosoAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenants.get(CONTOSO.tenantId)! }));
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    expect(sim.contractViolations).toEqual([]);
    await sim.stop();
    await t.close();
  });

  it("contains the account in one batch, verifies each step, records it all and moves the ticket to CONTAINED", async () => {
    const ticket = await ticketFor(CONTOSO, "megan@contoso.example");
    const result = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "k-1" }, { graph: graph(CONTOSO) });
    expect(result.contained).toBe(true);
    expect(result.temporaryPassword).toMatch(/^.{20}$/);
    expect(result.outcomes.map((o) => [o.stepKey, o.status])).toEqual([
      ["reset-password", "SUCCEEDED"], ["enforce-mfa", "SUCCEEDED"], ["block-sign-in", "SUCCEEDED"], ["revoke-sessions", "SUCCEEDED"],
    ]);
    expect(result.outcomes.filter((o) => o.verified === true).map((o) => o.stepKey)).toEqual(["enforce-mfa", "block-sign-in", "revoke-sessions"]);
    expect(result.outcomes.every((o) => o.requestIds.length === 1)).toBe(true);

    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.status).toBe("CONTAINED");
    expect(row.containedAt).toBeInstanceOf(Date);
    const steps = await t.db.checklistStep.findMany({ where: { ticketId: ticket.id } });
    expect(steps.map((s) => s.state)).toEqual(["DONE", "DONE", "DONE", "DONE"]);
    const actions = await t.db.remediationAction.findMany({ where: { ticketId: ticket.id } });
    expect(actions.every((a) => a.status === "SUCCEEDED" && a.finishedAt && a.requestIds.length === 1)).toBe(true);
    expect(JSON.stringify(actions)).not.toContain(result.temporaryPassword!);
    const audit = await t.db.auditEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["remediation.started", "remediation.block-sign-in", "ticket.status_changed"]));
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(result.temporaryPassword!);
    expect(findBrokenLink((await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } })).map((e) => ({ ...e, details: e.details as unknown })))).toBeNull();

    // The world changed: the attacker is out.
    const attempt = await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/attacker-sign-in`, { upn: "megan@contoso.example" });
    expect(attempt.body).toMatchObject({ success: false, errorCode: 50057 });
  });

  it("a double submit with the same key writes once and does not show the password again", async () => {
    const ticket = await ticketFor(CONTOSO, "adele@contoso.example");
    const g = graph(CONTOSO);
    const [a, b] = await Promise.all([
      runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "double" }, { graph: g }),
      runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "double" }, { graph: g }),
    ]);
    expect([a.alreadyRan, b.alreadyRan].sort()).toEqual([false, true]);
    expect([a.temporaryPassword, b.temporaryPassword].filter(Boolean)).toHaveLength(1);
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id } })).toBe(4);
    const audits = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as { userPrincipalName: string }[];
    expect(audits.length).toBeGreaterThan(0);
    const again = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "double" }, { graph: g });
    expect(again).toMatchObject({ alreadyRan: true, temporaryPassword: null });
  });

  it("records a refused step as FAILED with the missing permission, and does not mark the ticket contained", async () => {
    const ticket = await ticketFor(FABRIKAM, "lidia@fabrikam.example");
    const result = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "fab" }, { graph: graph(FABRIKAM) });
    const revoke = result.outcomes.find((o) => o.stepKey === "revoke-sessions")!;
    expect(revoke).toMatchObject({ status: "FAILED", errorMessage: expect.stringContaining("User.RevokeSessions.All") });
    expect(revoke.requestIds).toHaveLength(1);
    expect(result.contained).toBe(false);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("TRIAGED");
    const row = await t.db.remediationAction.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "revoke-sessions" } });
    expect(row).toMatchObject({ status: "FAILED", errorCode: "Authorization_RequestDenied" });
  });

  it("a timeout leaves the steps UNKNOWN until the state read resolves them", async () => {
    const ticket = await ticketFor(CONTOSO, "alex@contoso.example");
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 1_500 }] });
    const result = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "slow" }, { graph: graph(CONTOSO, 800) });
    const byStep = Object.fromEntries(result.outcomes.map((o) => [o.stepKey, o]));
    // The whole batch timed out; the read shows what landed anyway.
    expect(byStep["block-sign-in"]).toMatchObject({ status: "SUCCEEDED", verified: true });
    expect(byStep["reset-password"]!.status).toBe("UNKNOWN");
    expect(result.temporaryPassword).not.toBeNull();
    expect((await t.db.checklistStep.findFirstOrThrow({ where: { ticketId: ticket.id, key: "reset-password" } })).state).toBe("UNKNOWN");
  });

  it("refuses other roles and other tenants' tickets", async () => {
    const ticket = await ticketFor(CONTOSO, "lee@contoso.example");
    await expect(runContainment(t.db, contosoAdmin, { ticketId: ticket.id, idempotencyKey: "x" }, { graph: graph(CONTOSO) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const fabrikamTicket = await ticketFor(FABRIKAM, "diego@fabrikam.example");
    const outsider = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    await expect(runContainment(t.db, outsider, { ticketId: "00000000-0000-4000-8000-000000000000", idempotencyKey: "y" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(fabrikamTicket.id).toBeTruthy();
  });
});
