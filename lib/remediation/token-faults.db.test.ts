import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { getUser } from "@/lib/graph/users";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { runContainment } from "./containment";
import { runStep } from "./run-step";

// Microsoft's sign-in (the token endpoint) down or hanging: the engineer reads "sign-in
// unavailable, retry" — not "check your secret" — and the run neither turns into a request for
// approval (the role read fails too) nor records anything.

describe.each(testDbKinds())("token endpoint faults on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let engineer: Viewer;
  let tenantId: string;
  // A fresh client each time: no token cached from an earlier call.
  const graph = (tokenTimeoutMs = 10_000) =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 0 },
      tokenTimeoutMs,
    });

  beforeAll(async () => {
    t = await createTestDb(kind);
    sim = await startTestSimulator();
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    await sim.stop();
    await t.close();
  });

  it.each([500, 503])(
    "a %i from the token endpoint reads 'sign-in unavailable, retry' and never becomes an approval request",
    async (status) => {
      const ticket = await seedTicket(t.db, { tenantId, reporterId: engineer.id, affectedUpn: "megan@contoso.example", status: "TRIAGED" });
      sim.configure({ faults: [{ operation: "token", status: status as 500 | 503 }] });
      const error = await runContainment(
        t.db,
        engineer,
        { ticketId: ticket.id, idempotencyKey: `token-${status}` },
        { graph: graph() },
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "SIGN_IN_UNAVAILABLE",
        message: expect.stringMatching(/Microsoft sign-in is unavailable.*Retry/),
      });
      expect((error as Error).message).not.toMatch(/secret|consent|certificate/i);
      expect(await t.db.approval.count({ where: { ticketId: ticket.id } })).toBe(0);
      expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id } })).toBe(0);
      // Once sign-in is back, the same click runs.
      sim.configure({ faults: [] });
      const ran = await runContainment(
        t.db,
        engineer,
        { ticketId: ticket.id, idempotencyKey: `token-${status}` },
        { graph: graph(), verifyForMs: 0 },
      );
      expect(ran.outcomes).toHaveLength(4);
    },
  );

  it("a token endpoint that hangs is given up on after the call's time limit, with the same words", async () => {
    sim.configure({ faults: [{ operation: "token", timeout: true, delayMs: 20_000 }] });
    await expect(getUser(graph(1_000), "megan@contoso.example")).rejects.toMatchObject({
      code: "SIGN_IN_UNAVAILABLE",
      message: expect.stringMatching(/Microsoft sign-in is unavailable/),
    });
  });

  it("a wrong secret still says to check the secret (Entra's 401 is not an outage)", async () => {
    const wrong = createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: "not-the-secret",
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 0 },
    });
    await expect(getUser(wrong, "megan@contoso.example")).rejects.toMatchObject({
      code: "UPSTREAM_ERROR",
      message: expect.stringMatching(/client secret is wrong/),
    });
  });
});

describe.each(testDbKinds())("a 5xx on a write on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let engineer: Viewer;
  let tenantId: string;
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 0 },
    });

  beforeAll(async () => {
    t = await createTestDb(kind);
    sim = await startTestSimulator();
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  });
  afterAll(async () => {
    await sim.stop();
    await t.close();
  });

  it("is checked against the tenant before anything is called failed: a 504 that did the change ends verified", async () => {
    const ticket = await seedTicket(t.db, { tenantId, reporterId: engineer.id, affectedUpn: "megan@contoso.example", status: "TRIAGED" });
    sim.configure({ faults: [{ operation: "revokeSignInSessions", status: 504, applyEffect: true, times: 1 }] });
    const run = await runStep(
      t.db,
      engineer,
      { ticketId: ticket.id, stepKey: "revoke-sessions", idempotencyKey: "gateway-1" },
      { graph: graph() },
    );
    expect(run.outcome).toMatchObject({ status: "SUCCEEDED", verified: true });
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id, status: "FAILED" } })).toBe(0);
  });
});
