import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { findBrokenLink } from "@/lib/audit/chain";
import { createTenantGraph } from "@/lib/graph/client";
import { listPasswordResets } from "@/lib/graph/logs";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import type { GraphRequest } from "@/simulator/http";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { runContainment } from "./containment";
import { recordManualStep } from "./manual-step";
import { runStep } from "./run-step";
import { viewerOf } from "@/tests/support/viewer";

const jsonOf = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x));

describe.each(testDbKinds())("containment on %s", (kind) => {
  let t: TestDb;
  const sim = setUpTestSimulator(() => ({
    validateRequests: true,
    onRequest: (r: GraphRequest, op) => void seen.push({ method: r.method, path: r.path, version: r.version, op }),
  }));
  let engineer: Viewer;
  let contosoAdmin: Viewer;
  const seen: { method: string; path: string; version: string; op: string | undefined }[] = [];
  const tenants = new Map<string, string>();
  const graph = (demo: DemoTenant, timeoutMs = 10_000) =>
    createTenantGraph({
      tenantId: demo.tenantId,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 2, delaySeconds: 1 },
      timeoutMs,
    });
  const ticketFor = async (demo: DemoTenant, upn: string) =>
    seedTicket(t.db, { tenantId: tenants.get(demo.tenantId)!, reporterId: contosoAdmin.id, affectedUpn: upn, status: "TRIAGED" });
  const writesTo = (upn: string) => seen.filter((s) => s.method !== "GET" && decodeURIComponent(s.path).includes(upn));

  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const demo of [CONTOSO, FABRIKAM])
      tenants.set(demo.tenantId, (await seedTenant(t.db, { entraTenantId: demo.tenantId, primaryDomain: demo.primaryDomain })).id);
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    contosoAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenants.get(CONTOSO.tenantId)! }));
  });
  beforeEach(() => {
    sim.reset();
    seen.length = 0;
  });
  afterAll(async () => {
    expect(sim.contractViolations).toEqual([]);
    await t.close();
  });

  it("contains the account in one round trip, verifies all four steps, takes the missing snapshot alongside and moves the ticket to CONTAINED", async () => {
    const ticket = await ticketFor(CONTOSO, "megan@contoso.example");
    const result = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "k-1" }, { graph: graph(CONTOSO) });
    expect(result.contained).toBe(true);
    expect(result.temporaryPassword).toMatch(/^.{20}$/);
    expect(result.passwordNote).toBeNull();
    expect(result.outcomes.map((o) => [o.stepKey, o.status, o.verified])).toEqual([
      ["reset-password", "SUCCEEDED", true],
      ["enforce-mfa", "SUCCEEDED", true],
      ["block-sign-in", "SUCCEEDED", true],
      ["revoke-sessions", "SUCCEEDED", true],
    ]);
    // The most direct evidence: the account's own last password change, read back (the audit is minutes behind).
    expect(result.outcomes.find((o) => o.stepKey === "reset-password")!.observed).toMatch(
      /password last changed at .* after this reset was sent/,
    );
    expect(result.outcomes.every((o) => o.requestIds.length === 1)).toBe(true);
    // v1.0 operations through v1.0; only per-user MFA through beta.
    expect(
      writesTo("megan@contoso.example")
        .map((s) => `${s.op}@${s.version}`)
        .sort(),
    ).toEqual(["revokeSignInSessions@v1.0", "updateMfaRequirements@beta", "updateUser@v1.0", "updateUser@v1.0"]);

    expect(result.snapshot).toMatchObject({ status: "taken", message: expect.stringContaining("alongside containment") });
    expect(await t.db.investigationSnapshot.count({ where: { ticketId: ticket.id } })).toBe(1);
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.status).toBe("CONTAINED");
    expect(row.containedAt).toBeInstanceOf(Date);
    const steps = await t.db.checklistStep.findMany({ where: { ticketId: ticket.id }, orderBy: { key: "asc" } });
    expect(steps.map((s) => [s.key, s.state])).toEqual([
      ["block-sign-in", "DONE"],
      ["enforce-mfa", "DONE"],
      ["reset-password", "DONE"],
      ["revoke-sessions", "DONE"],
      ["snapshot", "DONE"],
    ]);
    expect(steps.find((s) => s.key === "snapshot")!.notes).toMatch(/^Taken alongside containment/);
    const actions = await t.db.remediationAction.findMany({ where: { ticketId: ticket.id } });
    expect(actions.every((a) => a.status === "SUCCEEDED" && a.finishedAt && a.requestIds.length === 1)).toBe(true);
    expect(JSON.stringify(actions)).not.toContain(result.temporaryPassword!);
    const audit = await t.db.auditEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["remediation.started", "remediation.block-sign-in", "investigation.snapshot", "ticket.status_changed"]),
    );
    expect(jsonOf(audit)).not.toContain(result.temporaryPassword!);
    expect(
      findBrokenLink((await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } })).map((e) => ({ ...e, details: e.details as unknown }))),
    ).toBeNull();

    // The world changed: the attacker is out.
    const attempt = await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/attacker-sign-in`, { upn: "megan@contoso.example" });
    expect(attempt.body).toMatchObject({ success: false, errorCode: 50057 });
  });

  it("after a partly failed batch, re-running the failed step alone contains the ticket", async () => {
    const ticket = await ticketFor(CONTOSO, "grady@contoso.example");
    sim.configure({ faults: [{ operation: "revokeSignInSessions", status: 500, times: 1 }] });
    const batch = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "partial" }, { graph: graph(CONTOSO) });
    // A 500 can hide a change that was made: UNKNOWN until a read shows it (here the fault made none).
    expect(batch.outcomes.find((o) => o.stepKey === "revoke-sessions")).toMatchObject({
      status: "UNKNOWN",
      errorMessage: expect.stringContaining("server error"),
    });
    expect(batch.contained).toBe(false);
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "TRIAGED", containedAt: null });

    const again = await runStep(
      t.db,
      engineer,
      { ticketId: ticket.id, stepKey: "revoke-sessions", idempotencyKey: "partial-rerun" },
      { graph: graph(CONTOSO) },
    );
    expect(again.outcome).toMatchObject({ status: "SUCCEEDED", verified: true });
    expect(again.contained).toBe(true);
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.status).toBe("CONTAINED");
    expect(row.containedAt).toBeInstanceOf(Date);
    const moved = await t.db.auditEvent.findMany({ where: { ticketId: ticket.id, action: "ticket.status_changed" } });
    expect(moved.map((m) => m.details)).toEqual([expect.objectContaining({ from: "TRIAGED", to: "CONTAINED" })]);
  });

  it("a double submit with the same key sends one batch of writes and one password reset, and shows the password once", async () => {
    const ticket = await ticketFor(CONTOSO, "adele@contoso.example");
    const g = graph(CONTOSO);
    const since = new Date(Date.now() - 1_000);
    const [a, b] = await Promise.all([
      runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "double" }, { graph: g }),
      runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "double" }, { graph: g }),
    ]);
    expect([a.alreadyRan, b.alreadyRan].sort()).toEqual([false, true]);
    expect([a.temporaryPassword, b.temporaryPassword].filter(Boolean)).toHaveLength(1);
    expect(await t.db.remediationAction.count({ where: { ticketId: ticket.id } })).toBe(4);
    const again = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "double" }, { graph: g });
    expect(again).toMatchObject({ alreadyRan: true, temporaryPassword: null });
    await control(sim, "POST", "/advance-time", { ms: 4 * 60_000 }); // past the audit log's latency
    expect((await listPasswordResets(g, "adele@contoso.example", since)).resets).toHaveLength(1);
    expect(writesTo("adele@contoso.example")).toHaveLength(4);
  });

  it("records a refused step as FAILED with the missing permission and Graph's code, and does not mark the ticket contained", async () => {
    const ticket = await ticketFor(FABRIKAM, "lidia@fabrikam.example");
    const result = await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "fab" }, { graph: graph(FABRIKAM) });
    const revoke = result.outcomes.find((o) => o.stepKey === "revoke-sessions")!;
    expect(revoke).toMatchObject({ status: "FAILED", errorMessage: expect.stringContaining("User.RevokeSessions.All") });
    expect(revoke.requestIds).toHaveLength(1);
    expect(result.contained).toBe(false);
    expect(result.snapshot).toMatchObject({ status: "taken", message: expect.stringContaining("not read: signIns") });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("TRIAGED");
    const row = await t.db.remediationAction.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "revoke-sessions" } });
    expect(row).toMatchObject({ status: "FAILED", errorCode: "Authorization_RequestDenied" });
  });

  it("on Fabrikam, skipping the refused session revocation with a reason contains the ticket, and the status change says what was skipped", async () => {
    const ticket = await ticketFor(FABRIKAM, "lidia@fabrikam.example");
    await runContainment(t.db, engineer, { ticketId: ticket.id, idempotencyKey: "fab-skip" }, { graph: graph(FABRIKAM) });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("TRIAGED");
    const reason = "The app lacks User.RevokeSessions.All; sessions revoked by the tenant admin in the Entra admin center";
    const before = new Date();
    expect(
      await recordManualStep(t.db, engineer, { ticketId: ticket.id, stepKey: "revoke-sessions", state: "SKIPPED", note: reason }),
    ).toEqual({ contained: true });
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.status).toBe("CONTAINED");
    expect(row.containedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    const [moved] = await t.db.auditEvent.findMany({ where: { ticketId: ticket.id, action: "ticket.status_changed" } });
    expect(moved!.details).toMatchObject({
      from: "TRIAGED",
      to: "CONTAINED",
      reason: expect.stringContaining(`“Sign out of all sessions” skipped (${reason})`),
      verified: ["reset-password", "enforce-mfa", "block-sign-in"],
      skipped: [{ step: "revoke-sessions", state: "SKIPPED", reason }],
    });
  });

  it("setting aside a containment step alone does not contain the ticket while another is still open", async () => {
    const ticket = await ticketFor(CONTOSO, "pradeep@contoso.example");
    await runStep(t.db, engineer, { ticketId: ticket.id, stepKey: "block-sign-in", idempotencyKey: "aside-1" }, { graph: graph(CONTOSO) });
    expect(
      await recordManualStep(t.db, engineer, {
        ticketId: ticket.id,
        stepKey: "revoke-sessions",
        state: "NOT_APPLICABLE",
        note: "No session was ever issued",
      }),
    ).toEqual({ contained: false });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("TRIAGED");
  });

  it("a timeout leaves a step UNKNOWN only when the state read cannot resolve it, and still shows the password with a note", async () => {
    // The late answers' effects landed: the reads resolve both (the reset from the directory audit).
    const landed = await ticketFor(CONTOSO, "alex@contoso.example");
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 1_500 }] });
    const first = await runContainment(t.db, engineer, { ticketId: landed.id, idempotencyKey: "slow" }, { graph: graph(CONTOSO, 800) });
    expect(first.outcomes.map((o) => [o.stepKey, o.status])).toEqual([
      ["reset-password", "SUCCEEDED"],
      ["enforce-mfa", "SUCCEEDED"],
      ["block-sign-in", "SUCCEEDED"],
      ["revoke-sessions", "SUCCEEDED"],
    ]);
    expect(first).toMatchObject({ contained: true, passwordNote: null, temporaryPassword: expect.stringMatching(/^.{20}$/) });

    // They did not land: nobody knows, so UNKNOWN — and the password that may be in force is shown.
    const lost = await ticketFor(CONTOSO, "lee@contoso.example");
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 1_500, applyEffect: false }] });
    // A short bound: the reads can never agree here (nothing landed), so no need to wait the full one.
    const second = await runContainment(
      t.db,
      engineer,
      { ticketId: lost.id, idempotencyKey: "lost" },
      { graph: graph(CONTOSO, 800), verifyForMs: 1_500 },
    );
    const byStep = Object.fromEntries(second.outcomes.map((o) => [o.stepKey, o]));
    expect(byStep["reset-password"]).toMatchObject({ status: "UNKNOWN", errorMessage: expect.stringContaining("did not answer in time") });
    expect(byStep["block-sign-in"]).toMatchObject({ status: "UNKNOWN", verified: false });
    expect(second.temporaryPassword).toMatch(/^.{20}$/);
    expect(second.passwordNote).toMatch(/may now be in force/);
    expect(second.contained).toBe(false);
    expect((await t.db.checklistStep.findFirstOrThrow({ where: { ticketId: lost.id, key: "reset-password" } })).state).toBe("UNKNOWN");
    expect(await t.db.remediationAction.count({ where: { ticketId: lost.id, status: "PENDING" } })).toBe(0);
  });
});
