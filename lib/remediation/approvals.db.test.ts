import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { decideApproval, listApprovals } from "./approvals";
import { runContainment } from "./containment";
import { runStep } from "./run-step";

const viewerOf = (u: { id: string; email: string; name: string; role: Viewer["role"]; tenantId: string | null }): Viewer => ({ ...u });

describe.each(testDbKinds())("second-person approval on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let engineer: Viewer;
  let colleague: Viewer;
  let admin: Viewer;
  let tenantId: string;
  const graph = () => createTenantGraph({ tenantId: CONTOSO.tenantId, clientId: CONTOSO.clientId, clientSecret: CONTOSO.clientSecret, simulatorUrl: sim.url, retry: { maxRetries: 1, delaySeconds: 1 } });

  beforeAll(async () => {
    t = await createTestDb(kind);
    sim = await startTestSimulator();
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    colleague = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
  });
  afterAll(async () => {
    await sim.stop();
    await t.close();
  });

  it("a privileged account's containment waits for a second person, then runs", async () => {
    const ticket = await seedTicket(t.db, { tenantId, reporterId: admin.id, affectedUpn: "it-admin@contoso.example", status: "TRIAGED" });
    const first = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "p-1" }, { graph: graph() });
    expect(first.awaitingApproval).toMatch(/privileged account/);
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id } })).toBe(0);
    const [pending] = await listApprovals(t.db, engineer, ticket.id);
    await expect(decideApproval(t.db, engineer, { approvalId: pending!.id, decision: "APPROVED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideApproval(t.db, colleague, { approvalId: pending!.id, decision: "APPROVED" });
    const second = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "p-2" }, { graph: graph() });
    expect(second).toMatchObject({ awaitingApproval: null, contained: true });
  });

  it("a tenant policy makes destructive single steps wait; the tenant's admin can reject with a reason", async () => {
    await t.db.tenant.update({ where: { id: tenantId }, data: { requireApproval: true } });
    const ticket = await seedTicket(t.db, { tenantId, reporterId: admin.id, affectedUpn: "adele@contoso.example" });
    const run = await runStep(t.db, engineer, { ticketId: ticket.id, stepKey: "block-sign-in", idempotencyKey: "b-1" }, { graph: graph() });
    expect(run.awaitingApproval).toMatch(/tenant asks/);
    const [pending] = await listApprovals(t.db, admin, ticket.id);
    await expect(decideApproval(t.db, admin, { approvalId: pending!.id, decision: "REJECTED" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await decideApproval(t.db, admin, { approvalId: pending!.id, decision: "REJECTED", reason: "Adele is presenting to the board right now" });
    expect((await listApprovals(t.db, engineer, ticket.id))[0]).toMatchObject({ status: "REJECTED", reason: "Adele is presenting to the board right now" });
    // Non-destructive steps never wait.
    expect((await runStep(t.db, engineer, { ticketId: ticket.id, stepKey: "enforce-mfa", idempotencyKey: "m-1" }, { graph: graph() })).awaitingApproval).toBeNull();
    await t.db.tenant.update({ where: { id: tenantId }, data: { requireApproval: false } });
  });
});
