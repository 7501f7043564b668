import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { postgresFactory } from "@/lib/db/adapters";
import { newPrismaClient } from "@/lib/db/create-client";
import { createTenantGraph } from "@/lib/graph/client";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { decideApproval } from "./approvals";
import { runContainment } from "./containment";
import { runStep } from "./run-step";

// Races: two engineers (or tabs, or app instances) clicking "Contain account" together make one
// run, and the second is shown the first's progress; a key is bound to its ticket; allowing
// sign-in again on a privileged account waits for a second person like blocking it.

describe.each(testDbKinds())("one remediation per account at a time on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let alice: Viewer;
  let bob: Viewer;
  let tenantId: string;
  const ops: (string | undefined)[] = [];
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 0 },
    });
  const ticketFor = (upn: string) => seedTicket(t.db, { tenantId, reporterId: alice.id, affectedUpn: upn, status: "TRIAGED" });

  beforeAll(async () => {
    t = await createTestDb(kind);
    sim = await startTestSimulator({ onRequest: (_r, op) => void ops.push(op) });
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    alice = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    bob = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  });
  beforeEach(() => {
    sim.reset();
    ops.length = 0;
  });
  afterAll(async () => {
    await sim.stop();
    await t.close();
  });

  it("two engineers clicking together make exactly one run; the second sees the first's progress", async () => {
    const ticket = await ticketFor("megan@contoso.example");
    // Each click has its own key (two tabs, two people), so idempotency alone would run both.
    const [a, b] = await Promise.all([
      runContainment(t.db, alice, { ticketId: ticket.id, idempotencyKey: "alice-click" }, { graph: graph(), verifyForMs: 0 }),
      runContainment(t.db, bob, { ticketId: ticket.id, idempotencyKey: "bob-click" }, { graph: graph(), verifyForMs: 0 }),
    ]);
    const [ran, refused] = a.inProgress ? [b, a] : [a, b];
    expect(ran.alreadyRan).toBe(false);
    expect(ran.inProgress).toBeUndefined();
    expect(ran.temporaryPassword).toMatch(/^.{20}$/);
    expect(refused).toMatchObject({
      alreadyRan: true,
      temporaryPassword: null,
      inProgress: expect.stringMatching(/started a remediation of megan@contoso.example .* still running/),
    });
    expect(refused.outcomes.map((o) => o.actionId).every((id) => ran.outcomes.some((o) => o.actionId === id))).toBe(true);
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id } })).toBe(4);
    expect(ops.filter((op) => op === "revokeSignInSessions")).toHaveLength(1);
    expect(ops.filter((op) => op === "updateUser")).toHaveLength(2); // one reset, one block
    expect(await t.db.accountRunLock.count()).toBe(0); // released when the run ended
  });

  it.runIf(kind === "postgres")("holds across two app instances on one PostgreSQL (two connection pools)", async () => {
    const other = newPrismaClient(postgresFactory(t.url!));
    try {
      const ticket = await ticketFor("alex@contoso.example");
      await runContainment(t.db, alice, { ticketId: ticket.id, idempotencyKey: "gate" }, { graph: graph(), verifyForMs: 0 }).catch(
        () => undefined,
      );
      // Both instances connected before the race: a pool's first connection takes longer than a
      // whole run on a quiet machine, and the second run would then start after the first ended.
      await other.$queryRaw`SELECT 1`;
      const results = await Promise.all([
        runStep(t.db, alice, { ticketId: ticket.id, stepKey: "enforce-mfa", idempotencyKey: "inst-1" }, { graph: graph(), verifyForMs: 0 }),
        runStep(other, bob, { ticketId: ticket.id, stepKey: "enforce-mfa", idempotencyKey: "inst-2" }, { graph: graph(), verifyForMs: 0 }),
      ]);
      expect(results.filter((r) => r.inProgress).length).toBe(1);
      expect(results.filter((r) => r.outcome && !r.alreadyRan).length).toBe(1);
      expect(
        await t.db.remediationAction.count({ where: { ticketId: ticket.id, kind: "enforce-mfa", idempotencyKey: { contains: ":inst-" } } }),
      ).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("an idempotency key sent with another ticket returns nothing of the first ticket's run", async () => {
    const first = await ticketFor("nestor@contoso.example");
    const second = await ticketFor("lee@contoso.example");
    const a = await runStep(
      t.db,
      alice,
      { ticketId: first.id, stepKey: "enforce-mfa", idempotencyKey: "shared-key" },
      { graph: graph(), verifyForMs: 0 },
    );
    const b = await runStep(
      t.db,
      alice,
      { ticketId: second.id, stepKey: "enforce-mfa", idempotencyKey: "shared-key" },
      { graph: graph(), verifyForMs: 0 },
    );
    expect(b.alreadyRan).toBe(false);
    expect(b.outcome!.actionId).not.toBe(a.outcome!.actionId);
    expect(await t.db.remediationAction.findUniqueOrThrow({ where: { id: b.outcome!.actionId } })).toMatchObject({
      ticketId: second.id,
      target: "lee@contoso.example",
    });
    // The same key on the same ticket still finds its own run.
    expect(
      (await runStep(t.db, alice, { ticketId: second.id, stepKey: "enforce-mfa", idempotencyKey: "shared-key" }, { graph: graph() }))
        .alreadyRan,
    ).toBe(true);
  });

  it("allowing sign-in again on a privileged account waits for the same second person as blocking it", async () => {
    const ticket = await ticketFor("it-admin@contoso.example");
    const run = await runStep(
      t.db,
      alice,
      { ticketId: ticket.id, stepKey: "re-enable-sign-in", idempotencyKey: "unblock-1" },
      { graph: graph(), verifyForMs: 0 },
    );
    expect(run.awaitingApproval).toMatch(/privileged account .*a second person must approve/);
    expect(ops.filter((op) => op === "updateUser")).toHaveLength(0);
    const approval = await t.db.approval.findFirstOrThrow({ where: { ticketId: ticket.id, stepKey: "re-enable-sign-in" } });
    await decideApproval(t.db, bob, { approvalId: approval.id, decision: "APPROVED" });
    const approved = await runStep(
      t.db,
      alice,
      { ticketId: ticket.id, stepKey: "re-enable-sign-in", idempotencyKey: "unblock-2" },
      { graph: graph(), verifyForMs: 0 },
    );
    expect(approved.awaitingApproval).toBeNull();
    expect(approved.outcome!.status).not.toBe("PENDING");
  });
});
