import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { takeSnapshot } from "@/lib/investigation/snapshot";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, FABRIKAM } from "@/simulator/demo-tenants";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { decideApproval } from "./approvals";
import { runContainment } from "./containment";
import { recordManualStep } from "./manual-step";
import { runStep } from "./run-step";
import { viewerOf } from "@/tests/support/viewer";

// Who may act on a ticket's remediation, checked by the services themselves (not only the
// actions), and that nothing is done on a closed ticket. Every refusal leaves no trace behind.

describe.each(testDbKinds())("remediation authorization on %s", (kind) => {
  let t: TestDb;
  const sim = setUpTestSimulator();
  let engineer: Viewer;
  let colleague: Viewer;
  let manager: Viewer;
  let contosoAdmin: Viewer;
  let fabrikamAdmin: Viewer;
  let contosoId: string;
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 0 },
    });
  const ticket = (status: "TRIAGED" | "CLOSED" = "TRIAGED") =>
    seedTicket(t.db, { tenantId: contosoId, reporterId: contosoAdmin.id, affectedUpn: "megan@contoso.example", status });
  const pendingApproval = async (ticketId: string, requestedById = engineer.id) =>
    t.db.approval.create({ data: { ticketId, stepKey: "block-sign-in", requestedById } });
  const untouched = async (ticketId: string) => {
    expect(await t.db.remediationAction.count({ where: { ticketId } })).toBe(0);
    expect(await t.db.checklistStep.count({ where: { ticketId } })).toBe(0);
    expect(await t.db.investigationSnapshot.count({ where: { ticketId } })).toBe(0);
  };

  beforeAll(async () => {
    t = await createTestDb(kind);
    contosoId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    const fabrikamId = (await seedTenant(t.db, { entraTenantId: FABRIKAM.tenantId, primaryDomain: FABRIKAM.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    colleague = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    manager = viewerOf(await seedUser(t.db, { role: "MANAGER" }));
    contosoAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contosoId }));
    fabrikamAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: fabrikamId }));
  });
  afterAll(async () => {
    await t.close();
  });

  it("runs steps, containment and snapshots only for engineers and platform admins", async () => {
    const { id } = await ticket();
    for (const viewer of [manager, contosoAdmin]) {
      await expect(
        runStep(t.db, viewer, { ticketId: id, stepKey: "block-sign-in", idempotencyKey: `s-${viewer.role}` }, { graph: graph() }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        runContainment(t.db, viewer, { ticketId: id, idempotencyKey: `c-${viewer.role}` }, { graph: graph() }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(takeSnapshot(t.db, viewer, { ticketId: id }, { graph: graph() })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(recordManualStep(t.db, viewer, { ticketId: id, stepKey: "disable-forwarding", state: "DONE" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await untouched(id);
  });

  it("answers 'not found' for a ticket id that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(
      runStep(t.db, engineer, { ticketId: missing, stepKey: "block-sign-in", idempotencyKey: "nf-1" }, { graph: graph() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(runContainment(t.db, engineer, { ticketId: missing, idempotencyKey: "nf-2" }, { graph: graph() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(takeSnapshot(t.db, engineer, { ticketId: missing }, { graph: graph() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      recordManualStep(t.db, engineer, { ticketId: missing, stepKey: "disable-forwarding", state: "DONE" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets neither a manager, another tenant's admin nor the requester decide an approval", async () => {
    const { id } = await ticket();
    const approval = await pendingApproval(id);
    await expect(decideApproval(t.db, manager, { approvalId: approval.id, decision: "APPROVED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(decideApproval(t.db, fabrikamAdmin, { approvalId: approval.id, decision: "APPROVED" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(decideApproval(t.db, engineer, { approvalId: approval.id, decision: "APPROVED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("own request"),
    });
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approval.id } })).status).toBe("PENDING");
    await decideApproval(t.db, contosoAdmin, { approvalId: approval.id, decision: "APPROVED" });
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approval.id } })).status).toBe("APPROVED");
  });

  it("refuses every kind of work on a closed ticket", async () => {
    const { id } = await ticket("CLOSED");
    const closed = { code: "INVALID_STATE", message: expect.stringContaining("The ticket is closed: reopen it") };
    await expect(
      runStep(t.db, engineer, { ticketId: id, stepKey: "block-sign-in", idempotencyKey: "cl-1" }, { graph: graph() }),
    ).rejects.toMatchObject(closed);
    await expect(runContainment(t.db, engineer, { ticketId: id, idempotencyKey: "cl-2" }, { graph: graph() })).rejects.toMatchObject(
      closed,
    );
    await expect(takeSnapshot(t.db, engineer, { ticketId: id }, { graph: graph() })).rejects.toMatchObject(closed);
    await expect(recordManualStep(t.db, engineer, { ticketId: id, stepKey: "disable-forwarding", state: "DONE" })).rejects.toMatchObject(
      closed,
    );
    await untouched(id);
    const approval = await pendingApproval(id);
    await expect(decideApproval(t.db, colleague, { approvalId: approval.id, decision: "APPROVED" })).rejects.toMatchObject(closed);
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approval.id } })).status).toBe("PENDING");
  });
});
