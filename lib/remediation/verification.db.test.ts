import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { decideApproval, listApprovals } from "./approvals";
import { runContainment } from "./containment";
import { getChecklist } from "./queries";
import { recheckDueSteps, verifyTicketSteps } from "./recheck";
import { runStep } from "./run-step";

// Microsoft Entra is eventually consistent: an accepted write is never FAILED because a read
// disagrees moments later. It is Verifying… while reads go on, Unconfirmed past the bound (with
// its next automatic re-check in the database), and Verified — and counts toward Contained —
// only once a read agrees.

const SLOW = 60_000;

describe.each(testDbKinds())("verification of accepted writes on %s", (kind) => {
  let t: TestDb;
  const sim = setUpTestSimulator();
  let engineer: Viewer;
  let colleague: Viewer;
  let tenantId: string;
  let reporterId: string;
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 1, delaySeconds: 1 },
    });
  const ticketFor = async (upn: string) => (await seedTicket(t.db, { tenantId, reporterId, affectedUpn: upn, status: "TRIAGED" })).id;
  const rows = async (ticketId: string) => Object.fromEntries((await getChecklist(t.db, engineer, ticketId)).map((r) => [r.key, r]));
  const status = async (ticketId: string) => (await t.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status;
  const advance = (ms: number) => control(sim, "POST", "/advance-time", { ms });

  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    colleague = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    reporterId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId })).id;
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    await t.close();
  });

  it("shows Verifying… while reads go on, then settles by itself and the ticket becomes Contained", async () => {
    // A lag the first read cannot beat: what the page sees right after the run.
    sim.configure({ rules: { readLagMs: { user: [2_000, 2_000], mfa: [2_000, 2_000] } } });
    const ticketId = await ticketFor("megan@contoso.example");
    const run = await runContainment(t.db, engineer, { ticketId, idempotencyKey: "v-1" }, { graph: graph(), verifyForMs: 0 });
    expect(run).toMatchObject({ verifying: true, contained: false });
    const during = await rows(ticketId);
    for (const key of ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"]) {
      expect(during[key]!.state, key).toBe("VERIFYING");
      expect(during[key]!.lastAction).toMatchObject({
        status: "SUCCEEDED",
        requestIds: [expect.any(String)],
        clientRequestIds: [expect.any(String)],
      });
      expect(during[key]!.lastAction!.verified).not.toBe(true);
    }
    expect(await status(ticketId)).toBe("TRIAGED"); // accepted is not verified
    const settled = await verifyTicketSteps(t.db, engineer, { ticketId, mode: "settle" }, { graph: graph() });
    expect(settled).toMatchObject({ checked: 4, confirmed: 4, contained: true });
    expect(
      Object.values(await rows(ticketId))
        .filter((r) => r.phase === "CONTAINMENT")
        .map((r) => r.state),
    ).toEqual(["DONE", "DONE", "DONE", "DONE"]);
    expect(await status(ticketId)).toBe("CONTAINED");
  });

  it("past the bound an accepted write is Unconfirmed, never Failed, with its next re-check recorded; the button or the job confirms it later", async () => {
    sim.configure({ rules: { readLagMs: { user: [SLOW, SLOW] } } });
    const ticketId = await ticketFor("adele@contoso.example");
    const run = await runStep(
      t.db,
      engineer,
      { ticketId, stepKey: "block-sign-in", idempotencyKey: "u-1" },
      { graph: graph(), verifyForMs: 1_000 },
    );
    expect(run.outcome).toMatchObject({
      status: "SUCCEEDED",
      verified: false,
      observed: "Sign-in is still allowed",
      nextCheckAt: expect.any(Date),
    });
    const row = (await rows(ticketId))["block-sign-in"]!;
    expect(row.state).toBe("UNCONFIRMED");
    expect(row.lastAction!.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());
    // The world changed at once, whatever the reads say: the attacker is out.
    expect(
      (await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/attacker-sign-in`, { upn: "adele@contoso.example" })).body,
    ).toMatchObject({ errorCode: 50057 });

    // "Check again" too early: still unconfirmed, still scheduled.
    expect(await verifyTicketSteps(t.db, engineer, { ticketId, mode: "check" }, { graph: graph() })).toMatchObject({
      checked: 1,
      confirmed: 0,
    });
    expect((await rows(ticketId))["block-sign-in"]!.state).toBe("UNCONFIRMED");
    // Later, the job finds the due re-check and confirms it.
    await advance(SLOW);
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await recheckDueSteps(t.db, later, { graphFor: async () => graph() })).toEqual({ tickets: 1, failed: 0 });
    const done = (await rows(ticketId))["block-sign-in"]!;
    expect(done).toMatchObject({ state: "DONE", lastAction: { verified: true, nextCheckAt: null } });
    expect(await recheckDueSteps(t.db, later, { graphFor: async () => graph() })).toEqual({ tickets: 0, failed: 0 });
    const events = await t.db.auditEvent.findMany({ where: { ticketId, action: "remediation.block-sign-in" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => (e.details as { verification: string | null }).verification)).toEqual([
      "verifying",
      "unconfirmed",
      "unconfirmed",
      "verified",
    ]);
    expect(events.at(-1)!.actorId).toBeNull(); // the job, not a person
  });

  it("a step whose run ended without a verdict (the browser went away) reads as Unconfirmed, not Verifying…, once its bound is past", async () => {
    sim.configure({ rules: { readLagMs: { mfa: [SLOW, SLOW] } } });
    const ticketId = await ticketFor("grady@contoso.example");
    await runStep(t.db, engineer, { ticketId, stepKey: "enforce-mfa", idempotencyKey: "gone-1" }, { graph: graph(), verifyForMs: 0 });
    expect((await rows(ticketId))["enforce-mfa"]!.state).toBe("VERIFYING");
    await t.db.remediationAction.updateMany({ where: { ticketId }, data: { verifyingUntil: new Date(Date.now() - 1_000) } });
    expect((await rows(ticketId))["enforce-mfa"]!.state).toBe("UNCONFIRMED");
  });

  it("a role held through a group makes the account privileged, and a refusal names the role the app needs rather than a permission it has", async () => {
    await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/settings`, { directoryRoles: ["User Administrator"] });
    const ticketId = await ticketFor("hana@contoso.example");
    const gated = await runContainment(t.db, engineer, { ticketId, idempotencyKey: "p-1" }, { graph: graph() });
    expect(gated.awaitingApproval).toBe(
      "hana@contoso.example is a privileged account (Helpdesk Administrator): a second person must approve.",
    );
    const [pending] = await listApprovals(t.db, engineer, ticketId);
    await decideApproval(t.db, colleague, { approvalId: pending!.id, decision: "APPROVED" });
    const run = await runContainment(t.db, engineer, { ticketId, idempotencyKey: "p-2" }, { graph: graph() });
    for (const key of ["reset-password", "block-sign-in"]) {
      const o = run.outcomes.find((x) => x.stepKey === key)!;
      expect(o).toMatchObject({ status: "FAILED", graphCode: "Authorization_RequestDenied" });
      expect(o.errorMessage).toMatch(
        /privileged account \(Helpdesk Administrator\).*Privileged Authentication Administrator role.*User Administrator is not enough/,
      );
      expect(o.errorMessage).not.toMatch(/needs the application permission/);
    }
    // PIM-eligible roles count too, although no membership shows them.
    const omar = await runStep(
      t.db,
      engineer,
      { ticketId: await ticketFor("omar@contoso.example"), stepKey: "block-sign-in", idempotencyKey: "o-1" },
      { graph: graph() },
    );
    expect(omar.awaitingApproval).toMatch(/privileged account \(eligible for Exchange Administrator \(PIM\)\)/);
  });
});
