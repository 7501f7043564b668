import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { decideApproval, listApprovals } from "./approvals";
import { runContainment } from "./containment";
import { runStep } from "./run-step";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("second-person approval on %s", (kind) => {
  let t: TestDb;
  const sim = setUpTestSimulator();
  let engineer: Viewer;
  let colleague: Viewer;
  let admin: Viewer;
  let tenantId: string;
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 1, delaySeconds: 1 },
    });
  const ticketFor = (upn: string) => seedTicket(t.db, { tenantId, reporterId: admin.id, affectedUpn: upn, status: "TRIAGED" });
  const stepState = async (ticketId: string, key: string) =>
    (await t.db.checklistStep.findFirst({ where: { ticketId, key } }))?.state ?? "TODO";

  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    colleague = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    await t.close();
  });

  it("a privileged account's containment waits for a second person, then runs", async () => {
    const ticket = await ticketFor("it-admin@contoso.example");
    const first = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "p-1" }, { graph: graph() });
    expect(first.awaitingApproval).toMatch(/privileged account/);
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id } })).toBe(0);
    expect(await stepState(ticket.id, "revoke-sessions")).toBe("WAITING_APPROVAL");
    const [pending] = await listApprovals(t.db, engineer, ticket.id);
    await expect(decideApproval(t.db, engineer, { approvalId: pending!.id, decision: "APPROVED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await decideApproval(t.db, colleague, { approvalId: pending!.id, decision: "APPROVED" });
    const second = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "p-2" }, { graph: graph() });
    expect(second).toMatchObject({ awaitingApproval: null, contained: true });
    expect((await listApprovals(t.db, engineer, ticket.id))[0]!.status).toBe("USED");
  });

  it("fails closed: when the account's roles cannot be read, a destructive step waits for approval and says why", async () => {
    const ticket = await ticketFor("adele@contoso.example");
    sim.configure({ faults: [{ operation: "listTransitiveMemberOf", status: 500, times: 5 }] });
    const run = await runStep(
      t.db,
      engineer,
      { ticketId: ticket.id, stepKey: "block-sign-in", idempotencyKey: "closed-1" },
      { graph: graph() },
    );
    expect(run.awaitingApproval).toMatch(/Could not read adele@contoso.example's directory roles .*treated as a privileged account/);
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("a tenant policy makes destructive single steps wait; a rejection needs a reason and frees the step, with the reason shown", async () => {
    await t.db.tenant.update({ where: { id: tenantId }, data: { requireApproval: true } });
    const ticket = await ticketFor("alex@contoso.example");
    const run = await runStep(t.db, engineer, { ticketId: ticket.id, stepKey: "block-sign-in", idempotencyKey: "b-1" }, { graph: graph() });
    expect(run.awaitingApproval).toMatch(/tenant asks/);
    expect(await stepState(ticket.id, "block-sign-in")).toBe("WAITING_APPROVAL");
    const [pending] = await listApprovals(t.db, admin, ticket.id);
    await expect(decideApproval(t.db, admin, { approvalId: pending!.id, decision: "REJECTED" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await decideApproval(t.db, admin, {
      approvalId: pending!.id,
      decision: "REJECTED",
      reason: "Alex is presenting to the board right now",
    });
    expect((await listApprovals(t.db, engineer, ticket.id))[0]).toMatchObject({
      status: "REJECTED",
      reason: "Alex is presenting to the board right now",
    });
    const row = await t.db.checklistStep.findFirstOrThrow({ where: { ticketId: ticket.id, key: "block-sign-in" } });
    expect(row).toMatchObject({ state: "TODO", reason: expect.stringContaining("Alex is presenting to the board right now") });
    await expect(decideApproval(t.db, colleague, { approvalId: pending!.id, decision: "APPROVED" })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    // Non-destructive steps never wait.
    expect(
      (await runStep(t.db, engineer, { ticketId: ticket.id, stepKey: "enforce-mfa", idempotencyKey: "m-1" }, { graph: graph() }))
        .awaitingApproval,
    ).toBeNull();
    await t.db.tenant.update({ where: { id: tenantId }, data: { requireApproval: false } });
  });

  it("one approval runs one step once, even when two runs race for it", async () => {
    await t.db.tenant.update({ where: { id: tenantId }, data: { requireApproval: true } });
    const ticket = await ticketFor("lee@contoso.example");
    await runStep(t.db, engineer, { ticketId: ticket.id, stepKey: "revoke-sessions", idempotencyKey: "r-0" }, { graph: graph() });
    const [pending] = await listApprovals(t.db, admin, ticket.id);
    await decideApproval(t.db, admin, { approvalId: pending!.id, decision: "APPROVED" });
    const runs = await Promise.allSettled([
      runStep(t.db, engineer, { ticketId: ticket.id, stepKey: "revoke-sessions", idempotencyKey: "r-1" }, { graph: graph() }),
      runStep(t.db, colleague, { ticketId: ticket.id, stepKey: "revoke-sessions", idempotencyKey: "r-2" }, { graph: graph() }),
    ]);
    const ran = runs.filter((r) => r.status === "fulfilled" && r.value.outcome?.status === "SUCCEEDED");
    expect(ran).toHaveLength(1);
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id, kind: "revoke-sessions" } })).toBe(1);
    const loser = runs.find((r) => !(r.status === "fulfilled" && r.value.outcome))!;
    // The loser was refused, asked for approval again, or (racing the winner's run on the same
    // account) told that another run is in progress — never a second write.
    const said = (loser as PromiseFulfilledResult<{ awaitingApproval: string | null; inProgress?: string | null }>).value;
    expect(loser.status === "rejected" ? loser.reason : (said.awaitingApproval ?? said.inProgress)).toBeTruthy();
    // Spent: the next run asks again.
    const third = await runStep(
      t.db,
      engineer,
      { ticketId: ticket.id, stepKey: "revoke-sessions", idempotencyKey: "r-3" },
      { graph: graph() },
    );
    expect(third.awaitingApproval).toMatch(/tenant asks/);
    await t.db.tenant.update({ where: { id: tenantId }, data: { requireApproval: false } });
  });
});
