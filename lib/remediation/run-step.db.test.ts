import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { listAuthMethods } from "@/lib/graph/auth-methods";
import { createTenantGraph } from "@/lib/graph/client";
import { listUserConsents } from "@/lib/graph/consents";
import { listInboxRules } from "@/lib/graph/mailbox";
import { takeSnapshot } from "@/lib/investigation/snapshot";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { recordManualStep } from "./manual-step";
import { getChecklist } from "./queries";
import { runStep } from "./run-step";
import { viewerOf } from "@/tests/support/viewer";

const MEGAN = "megan@contoso.example";

describe.each(testDbKinds())("single steps on %s", (kind) => {
  let t: TestDb;
  const sim = setUpTestSimulator({ validateRequests: true });
  let engineer: Viewer;
  let tenantId: string;
  let reporterId: string;
  const graph = (timeoutMs = 10_000) =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 1, delaySeconds: 1 },
      timeoutMs,
    });
  const newTicket = async (upn = MEGAN) => (await seedTicket(t.db, { tenantId, reporterId, affectedUpn: upn })).id;
  const withSnapshot = async () => {
    const id = await newTicket();
    await takeSnapshot(t.db, engineer, { ticketId: id }, { graph: graph() });
    return id;
  };
  const attacker = async (password?: string, upn = MEGAN) =>
    (await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/attacker-sign-in`, { upn, password })).body as {
      success: boolean;
      errorCode: number;
    };

  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    const e = await seedUser(t.db, { role: "ENGINEER" });
    engineer = viewerOf(e);
    reporterId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId })).id;
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    expect(sim.contractViolations).toEqual([]);
    await t.close();
  });

  it("refuses to delete evidence before the snapshot; then removes the chosen rule, verified, and a retry does not repeat it", async () => {
    const ticketId = await newTicket();
    const rule = (await listInboxRules(graph(), MEGAN)).rules[0]!;
    await expect(
      runStep(
        t.db,
        engineer,
        { ticketId, stepKey: "remove-inbox-rules", params: { ruleId: rule.id }, idempotencyKey: "rule-0" },
        { graph: graph() },
      ),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("Take the evidence snapshot first") });
    expect(await t.db.remediationAction.count({ where: { ticketId } })).toBe(0);
    expect((await listInboxRules(graph(), MEGAN)).rules.map((r) => r.id)).toContain(rule.id);

    await takeSnapshot(t.db, engineer, { ticketId }, { graph: graph() });
    const first = await runStep(
      t.db,
      engineer,
      { ticketId, stepKey: "remove-inbox-rules", params: { ruleId: rule.id }, idempotencyKey: "rule-1" },
      { graph: graph() },
    );
    expect(first.outcome).toMatchObject({
      status: "SUCCEEDED",
      verified: true,
      observed: expect.stringContaining("is gone; 1 of 2 removed"),
    });
    const again = await runStep(
      t.db,
      engineer,
      { ticketId, stepKey: "remove-inbox-rules", params: { ruleId: rule.id }, idempotencyKey: "rule-1" },
      { graph: graph() },
    );
    expect(again.alreadyRan).toBe(true);
    expect(await t.db.remediationAction.count({ where: { ticketId, kind: "remove-inbox-rules" } })).toBe(1);
  });

  it("cannot delete the attacker's phone while it is the only (default) MFA method: says why and how, then removes it once the user has another", async () => {
    const ticketId = await withSnapshot();
    const phone = (await listAuthMethods(graph(), MEGAN)).methods.find((m) => m.kind === "phone")!;
    const blocked = await runStep(
      t.db,
      engineer,
      { ticketId, stepKey: "remove-auth-methods", params: { methodId: phone.id, methodKind: phone.kind }, idempotencyKey: "method-1" },
      { graph: graph() },
    );
    expect(blocked.outcome).toMatchObject({ status: "FAILED", graphCode: "DefaultMfaMethod" });
    expect(blocked.outcome!.errorMessage).toMatch(
      /it is megan@contoso.example's default MFA method and the account has no other method.*MFA for megan@contoso.example accepts the attacker's phone.*Temporary Access Pass.*Run this step again/,
    );
    const item = (await getChecklist(t.db, engineer, ticketId, MEGAN)).find((r) => r.key === "remove-auth-methods")!.items![0]!;
    expect(item).toMatchObject({ removed: false, manual: expect.stringContaining("Temporary Access Pass") });

    // The user registers Authenticator (after a Temporary Access Pass): the documented way forward works.
    await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/users/${MEGAN}/register-method`, { kind: "microsoftAuthenticator" });
    await control(sim, "POST", "/advance-time", { ms: 10_000 });
    const method = await runStep(
      t.db,
      engineer,
      { ticketId, stepKey: "remove-auth-methods", params: { methodId: phone.id, methodKind: phone.kind }, idempotencyKey: "method-2" },
      { graph: graph() },
    );
    expect(method.outcome).toMatchObject({
      status: "SUCCEEDED",
      verified: true,
      observed: "phone +234 803 555 0147 is gone; the flagged sign-in method is removed",
    });
    await control(sim, "POST", "/advance-time", { ms: 10_000 });
    expect((await listAuthMethods(graph(), MEGAN)).methods.map((m) => m.kind).sort()).toEqual(["microsoftAuthenticator", "password"]);
    expect((await getChecklist(t.db, engineer, ticketId, MEGAN)).find((r) => r.key === "remove-auth-methods")!.items![0]).toMatchObject({
      removed: true,
      manual: null,
    });

    const megan = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as {
      id: string;
      userPrincipalName: string;
    }[];
    const grant = (await listUserConsents(graph(), megan.find((u) => u.userPrincipalName === MEGAN)!.id)).consents[0]!;
    const consent = await runStep(
      t.db,
      engineer,
      { ticketId, stepKey: "revoke-oauth-grants", params: { grantId: grant.id }, idempotencyKey: "grant-1" },
      { graph: graph() },
    );
    expect(consent.outcome).toMatchObject({
      status: "SUCCEEDED",
      verified: true,
      observed: "“Mail Helper Pro” is gone; the flagged app consent is removed",
    });
    expect(
      await t.db.checklistStep.findMany({
        where: { ticketId, key: { in: ["remove-auth-methods", "revoke-oauth-grants"] } },
        select: { state: true },
      }),
    ).toEqual([{ state: "DONE" }, { state: "DONE" }]);
  });

  it("resets the password alone: verified from the account's last password change, shown once, and it is the password in force", async () => {
    const ticketId = await newTicket();
    expect((await attacker()).success).toBe(true);
    const run = await runStep(t.db, engineer, { ticketId, stepKey: "reset-password", idempotencyKey: "pw-1" }, { graph: graph() });
    expect(run.outcome).toMatchObject({ status: "SUCCEEDED", verified: true, observed: expect.stringContaining("password last changed") });
    expect(run).toMatchObject({ temporaryPassword: expect.stringMatching(/^.{20}$/), passwordNote: null });
    expect((await attacker()).errorCode).toBe(50126); // the stolen password no longer works
    expect((await attacker(run.temporaryPassword!)).success).toBe(true);
    expect(JSON.stringify(await t.db.remediationAction.findMany({ where: { ticketId } }))).not.toContain(run.temporaryPassword!);
  });

  it("enforces per-user MFA alone, verified", async () => {
    const ticketId = await newTicket();
    const run = await runStep(t.db, engineer, { ticketId, stepKey: "enforce-mfa", idempotencyKey: "mfa-1" }, { graph: graph() });
    expect(run.outcome).toMatchObject({ status: "SUCCEEDED", verified: true, observed: "Per-user MFA: enforced" });
    expect((await attacker()).errorCode).toBe(50074); // the stolen password alone is not enough now
  });

  it("a timed-out reset keeps the generated password: resolved by the audit when it landed, shown with a note when nobody knows", async () => {
    // (Other accounts than the tests above: their resets are recent, and a recent reset's audit entry is never taken as this run's.)
    const landed = await newTicket("adele@contoso.example");
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 1_500, times: 1 }] });
    const a = await runStep(
      t.db,
      engineer,
      { ticketId: landed, stepKey: "reset-password", idempotencyKey: "pw-slow" },
      { graph: graph(800) },
    );
    expect(a.outcome).toMatchObject({ status: "SUCCEEDED", verified: true });
    expect((await attacker(a.temporaryPassword!, "adele@contoso.example")).errorCode).not.toBe(50126); // the shown password is the one in force

    const lost = await newTicket("lee@contoso.example");
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 1_500, applyEffect: false, times: 1 }] });
    // A short bound: nothing landed, so no read will ever agree.
    const b = await runStep(
      t.db,
      engineer,
      { ticketId: lost, stepKey: "reset-password", idempotencyKey: "pw-lost" },
      { graph: graph(800), verifyForMs: 1_500 },
    );
    expect(b.outcome).toMatchObject({ status: "UNKNOWN", verified: null });
    expect(b.temporaryPassword).toMatch(/^.{20}$/);
    expect(b.passwordNote).toMatch(/may now be in force/);
    expect((await t.db.checklistStep.findFirstOrThrow({ where: { ticketId: lost, key: "reset-password" } })).state).toBe("UNKNOWN");
  });

  it("confirms the user compromised and blocks then re-enables sign-in, each verified", async () => {
    const ticketId = await newTicket();
    expect(
      (await runStep(t.db, engineer, { ticketId, stepKey: "confirm-compromised", idempotencyKey: "risk-1" }, { graph: graph() })).outcome,
    ).toMatchObject({ status: "SUCCEEDED", verified: true });
    expect(
      (await runStep(t.db, engineer, { ticketId, stepKey: "block-sign-in", idempotencyKey: "block-1" }, { graph: graph() })).outcome!
        .verified,
    ).toBe(true);
    expect(
      (await runStep(t.db, engineer, { ticketId, stepKey: "re-enable-sign-in", idempotencyKey: "enable-1" }, { graph: graph() })).outcome,
    ).toMatchObject({ verified: true, observed: "Sign-in is allowed again" });
  });

  it("records a refused removal with Graph's code and request id", async () => {
    const ticketId = await withSnapshot();
    const rule = (await listInboxRules(graph(), MEGAN)).rules[0]!;
    const granted = sim.runtime.world.tenants.get(CONTOSO.tenantId)!.app.permissions;
    await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/settings`, {
      permissions: granted.filter((p) => p !== "MailboxSettings.ReadWrite"),
    });
    const run = await runStep(
      t.db,
      engineer,
      { ticketId, stepKey: "remove-inbox-rules", params: { ruleId: rule.id }, idempotencyKey: "rule-x" },
      { graph: graph() },
    );
    // Outlook answers ErrorAccessDenied (not the directory's Authorization_RequestDenied); the message still names the permission.
    expect(run.outcome!).toMatchObject({
      status: "FAILED",
      graphCode: "ErrorAccessDenied",
      errorMessage: expect.stringContaining("MailboxSettings.ReadWrite"),
    });
    expect(run.outcome!.requestIds).toHaveLength(1);
  });

  it("records manual steps done, or skipped only with a reason", async () => {
    const ticketId = await newTicket();
    await recordManualStep(t.db, engineer, {
      ticketId,
      stepKey: "disable-forwarding",
      state: "DONE",
      note: "No ForwardingSmtpAddress set.",
    });
    await expect(recordManualStep(t.db, engineer, { ticketId, stepKey: "reset-password", state: "DONE" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const row = await t.db.checklistStep.findFirstOrThrow({ where: { ticketId, key: "disable-forwarding" } });
    expect(row).toMatchObject({ state: "DONE", notes: "No ForwardingSmtpAddress set." });
  });
});
