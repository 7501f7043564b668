import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";
import { createFaultyTenantGraph } from "@/lib/graph/test-clients";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import type { GraphRequest } from "@/simulator/http";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { decideApproval } from "./approvals";
import { runContainment } from "./containment";
import { viewerOf } from "@/tests/support/viewer";

// Containment when Graph misbehaves in ways that leave no answer per step, and containment that
// must only ever act through the ticket's own tenant connection (the production path: the
// connection stored on the Tenant row, pointed at the simulator by GRAPH_SIMULATOR_URL).

/** The tenant a request's bearer token belongs to. */
const tidOf = (r: GraphRequest) =>
  (JSON.parse(Buffer.from((r.headers.authorization ?? "").split(".")[1] ?? "", "base64url").toString() || "{}") as { tid?: string }).tid;

const sim = setUpTestSimulator(() => ({ onRequest: (r: GraphRequest) => void seen.push({ method: r.method, tid: tidOf(r) }) }));
const seen: { method: string; tid: string | undefined }[] = [];
beforeAll(async () => {
  vi.stubEnv("BREACHDESK_DEMO", "1");
  vi.stubEnv("GRAPH_SIMULATOR_URL", sim.url); // getEnv() reads it once per process
});
afterAll(async () => {
  vi.unstubAllEnvs();
});

describe.each(testDbKinds())("containment under faults on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let colleague: Viewer;
  const tenants = new Map<string, string>();
  const conn = (d: DemoTenant) => ({
    tenantId: d.tenantId,
    clientId: d.clientId,
    clientSecret: d.clientSecret,
    simulatorUrl: sim.url,
    retry: { maxRetries: 0, delaySeconds: 0 },
  });
  const ticketFor = async (demo: DemoTenant, upn: string) =>
    seedTicket(t.db, { tenantId: tenants.get(demo.tenantId)!, reporterId: engineer.id, affectedUpn: upn, status: "TRIAGED" });

  beforeAll(async () => {
    t = await createTestDb(kind);
    const key = getEnv().BREACHDESK_ENCRYPTION_KEY;
    for (const d of [CONTOSO, FABRIKAM]) {
      const row = await seedTenant(t.db, {
        entraTenantId: d.tenantId,
        primaryDomain: d.primaryDomain,
        connectionKind: "SIMULATED",
        clientId: d.clientId,
        clientSecretEncrypted: encryptSecret(d.clientSecret, key),
      });
      tenants.set(d.tenantId, row.id);
    }
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    colleague = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  });
  beforeEach(() => {
    sim.reset();
    seen.length = 0;
  });
  afterAll(() => t.close());

  it("a failed $batch envelope records Graph's code and request id on every step, and the approval it used is spent", async () => {
    const ticket = await ticketFor(CONTOSO, "megan@contoso.example");
    const forged = createFaultyTenantGraph(conn(CONTOSO), { forgedToken: true });
    // Even the role read fails, so the gate fails closed and asks for a second person first.
    const gated = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "env-1" }, { graph: forged });
    expect(gated.awaitingApproval).toMatch(/Could not read megan@contoso.example's directory roles/);
    const approval = await t.db.approval.findFirstOrThrow({ where: { ticketId: ticket.id } });
    await decideApproval(t.db, colleague, { approvalId: approval.id, decision: "APPROVED" });

    const result = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "env-2" }, { graph: forged });
    expect(result.outcomes.map((o) => o.status)).toEqual(["FAILED", "FAILED", "FAILED", "FAILED"]);
    expect(
      result.outcomes.every(
        (o) => o.errorMessage?.includes("did not accept the tenant connection's token") && !/permission/.test(o.errorMessage),
      ),
    ).toBe(true);
    const actions = await t.db.remediationAction.findMany({ where: { ticketId: ticket.id } });
    expect(actions.map((a) => [a.errorCode, a.requestIds.length])).toEqual(Array(4).fill(["InvalidAuthenticationToken", 1]));
    expect(result.snapshot).toMatchObject({ status: "failed", message: expect.stringContaining("Take it from the checklist") });
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approval.id } })).status).toBe("USED");
    expect(result.contained).toBe(false);
  });

  it("a step left out of Graph's answer is UNKNOWN, never PENDING, and the state read resolves what it can", async () => {
    const ticket = await ticketFor(CONTOSO, "nestor@contoso.example");
    const graph = createFaultyTenantGraph(conn(CONTOSO), { dropFromBatch: ["revokeSessions", "enforceMfa", "mfa"] });
    // The MFA read is always dropped, so it can never confirm: a bound just past the lag (1–4 s), not the full one.
    const result = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "drop" }, { graph, verifyForMs: 6_000 });
    const byStep = Object.fromEntries(result.outcomes.map((o) => [o.stepKey, o]));
    expect(byStep["revoke-sessions"]).toMatchObject({ status: "SUCCEEDED", verified: true }); // Graph did it; the read shows it
    expect(byStep["enforce-mfa"]).toMatchObject({
      status: "UNKNOWN",
      verified: null,
      errorMessage: expect.stringContaining("did not answer"),
    });
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id, status: "PENDING" } })).toBe(0);
    expect((await t.db.checklistStep.findFirstOrThrow({ where: { ticketId: ticket.id, key: "enforce-mfa" } })).state).toBe("UNKNOWN");
  });

  it("acts only through the ticket's own tenant connection: a Fabrikam ticket naming a Contoso account cannot touch Contoso", async () => {
    const ticket = await ticketFor(FABRIKAM, "megan@contoso.example");
    const gated = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "cross-1" });
    expect(gated.awaitingApproval).toMatch(/Could not read megan@contoso.example's directory roles/); // Fabrikam has no such user
    const approval = await t.db.approval.findFirstOrThrow({ where: { ticketId: ticket.id } });
    await decideApproval(t.db, colleague, { approvalId: approval.id, decision: "APPROVED" });
    const result = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "cross-2" });
    expect(result.outcomes.map((o) => o.status)).toEqual(["FAILED", "FAILED", "FAILED", "FAILED"]);
    expect(result.outcomes[0]!.errorMessage).toMatch(/could not find/);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((s) => s.tid))).toEqual(new Set([FABRIKAM.tenantId]));
    const contoso = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as {
      userPrincipalName: string;
      accountEnabled: boolean;
      perUserMfaState: string;
    }[];
    expect(contoso.find((u) => u.userPrincipalName === "megan@contoso.example")).toMatchObject({
      accountEnabled: true,
      perUserMfaState: "disabled",
    });
    expect(
      (await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/attacker-sign-in`, { upn: "megan@contoso.example" })).body,
    ).toMatchObject({ success: true });
  });
});
