import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO, type DemoTenant } from "@/simulator/demo-tenants";
import type { GraphRequest } from "@/simulator/http";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { revokeSessions, setAccountEnabled } from "./account";
import { applyAccountChanges, readAccountState } from "./account-changes";
import { executeBatch, type BatchStep } from "./batch";
import { createTenantGraph, type TenantGraph } from "./client";
import { createFaultyTenantGraph } from "./test-clients";
import { sendMail } from "./mail";
import { getRiskyUser } from "./risk";
import { getUser } from "./users";

// Retries, throttling, batching, timeouts and credential failures, against the simulator with
// the real SDK. The simulator counts every request it dispatches (batch items included), so each
// test proves how many attempts were made, not only that the call ended well. The SDK's own
// backoff is set to zero here, so only an honoured Retry-After can explain a long wait.
const MEGAN = "megan@contoso.example";
const USERS = ["adele", "alex", "grady", "lee", "nestor"].map((a) => `${a}@contoso.example`);

describe("Graph gateway resilience", () => {
  const sim = setUpTestSimulator(() => ({
    validateRequests: true,
    onRequest: (req: GraphRequest, op) => void seen.push({ op, version: req.version }),
  }));
  const seen: { op: string | undefined; version: string }[] = [];
  const attempts = (op: string) => seen.filter((s) => s.op === op).length;
  const conn = (
    t: DemoTenant = CONTOSO,
    extra: { timeoutMs?: number; maxRetries?: number; delaySeconds?: number; clientSecret?: string; clientId?: string } = {},
  ) => ({
    tenantId: t.tenantId,
    clientId: extra.clientId ?? t.clientId,
    clientSecret: extra.clientSecret ?? t.clientSecret,
    simulatorUrl: sim.url,
    retry: { maxRetries: extra.maxRetries ?? 3, delaySeconds: extra.delaySeconds ?? 0 },
    timeoutMs: extra.timeoutMs,
  });
  const graphFor = (t?: DemoTenant, extra?: Parameters<typeof conn>[1]): TenantGraph => createTenantGraph(conn(t, extra));
  const revokeAll = (): BatchStep[] =>
    USERS.map((u, i) => ({ id: String(i), op: "revokeSessions", method: "POST", path: `/users/${u}/revokeSignInSessions` }));
  beforeEach(() => {
    sim.reset();
    seen.length = 0;
  });
  afterAll(async () => {
    expect(sim.contractViolations).toEqual([]);
  });

  it("waits the Retry-After of a 429, then retries once", async () => {
    sim.configure({ faults: [{ operation: "getUser", status: 429, times: 1, retryAfter: 3 }] });
    const started = Date.now();
    expect(await getUser(graphFor(), MEGAN)).not.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000); // the backoff alone would be under 1 s
    expect(attempts("getUser")).toBe(2);
  });

  it("without Retry-After, backs off a bounded number of times and finishes", async () => {
    sim.configure({
      faults: [
        { operation: "getUser", status: 429, times: 1 },
        { operation: "revokeSignInSessions", status: 503, times: 1 },
      ],
    });
    expect(await getUser(graphFor(), MEGAN)).not.toBeNull();
    expect(attempts("getUser")).toBe(2);
    await expect(revokeSessions(graphFor(), MEGAN)).resolves.toMatchObject({ requestId: expect.any(String) });
    expect(attempts("revokeSignInSessions")).toBe(2);
    sim.configure({ faults: [{ operation: "getUser", status: 503, times: 100 }] });
    await expect(getUser(graphFor(CONTOSO, { maxRetries: 1 }), MEGAN)).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(attempts("getUser")).toBe(2 + 2);
  });

  it("gives up on persistent throttling after the configured retries, with the retry time", async () => {
    sim.configure({ faults: [{ operation: "getUser", status: 429, times: 10, retryAfter: 1 }] });
    await expect(getUser(graphFor(), MEGAN)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/throttling this tenant until \d\d:\d\d UTC \(in 1 s\); nothing was changed/),
    });
    expect(attempts("getUser")).toBe(4);
  });

  it("re-sends only the batch items that got 429, after their Retry-After", async () => {
    sim.configure({ faults: [{ operation: "revokeSignInSessions", status: 429, times: 2, retryAfter: 2 }] });
    const started = Date.now();
    const outcomes = await executeBatch(graphFor(), revokeAll(), { backoffSeconds: 0.05 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000); // the backoff alone would be 50 ms
    expect([...outcomes.values()].map((o) => o.status)).toEqual([200, 200, 200, 200, 200]);
    expect(attempts("revokeSignInSessions")).toBe(5 + 2);
    const state = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as {
      userPrincipalName: string;
      signInSessionsValidFromDateTime: string;
    }[];
    expect(
      state
        .filter((u) => USERS.includes(u.userPrincipalName))
        .every((u) => new Date(u.signInSessionsValidFromDateTime).getTime() >= started - 1_000),
    ).toBe(true);
  });

  it("without Retry-After, re-sends throttled batch items with a bounded backoff", async () => {
    sim.configure({ faults: [{ operation: "revokeSignInSessions", status: 429, times: 2 }] });
    const outcomes = await executeBatch(graphFor(), revokeAll(), { backoffSeconds: 0.05 });
    expect([...outcomes.values()].every((o) => o.status === 200)).toBe(true);
    expect(attempts("revokeSignInSessions")).toBe(7);
    seen.length = 0;
    sim.configure({ faults: [{ operation: "revokeSignInSessions", status: 429, times: 1_000 }] });
    const stuck = await executeBatch(graphFor(), revokeAll(), { backoffSeconds: 0.05, maxRetries: 2 });
    expect([...stuck.values()].map((o) => o.error?.code)).toEqual(Array(5).fill("RATE_LIMITED"));
    expect(attempts("revokeSignInSessions")).toBe(5 * 3);
  });

  it("reports a failed $batch envelope as the batch's, never naming one item's permission", async () => {
    const forged = createFaultyTenantGraph(conn(), { forgedToken: true });
    const error = await executeBatch(forged, revokeAll()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "UPSTREAM_ERROR",
      details: { graphCode: "InvalidAuthenticationToken", requestId: expect.any(String) },
    });
    expect((error as Error).message).toMatch(/did not accept the tenant connection's token/);
    expect((error as Error).message).not.toMatch(/revoke|User\.RevokeSessions/i);
  });

  it("sends v1.0 changes through v1.0 and the beta-only MFA change through beta, and reads the result back", async () => {
    const started = new Date(Date.now() - 30_000);
    const changes = await applyAccountChanges(graphFor(), MEGAN, [
      { kind: "resetPassword", password: "Str0ng-Generated-Passw0rd!" },
      { kind: "enforceMfa" },
      { kind: "blockSignIn" },
      { kind: "revokeSessions" },
    ]);
    expect([...changes.values()].map((c) => c.status)).toEqual(["accepted", "accepted", "accepted", "accepted"]);
    expect(
      seen
        .filter((s) => s.op !== undefined)
        .map((s) => `${s.op}@${s.version}`)
        .sort(),
    ).toEqual(["revokeSignInSessions@v1.0", "updateMfaRequirements@beta", "updateUser@v1.0", "updateUser@v1.0"]);
    // Every change keeps a traceable id: the batch's request-id, and the client-request-id set on its item.
    for (const c of changes.values())
      expect(c).toMatchObject({
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    await control(sim, "POST", "/advance-time", { ms: 4 * 60_000 }); // reads and the audit log catch up
    const state = await readAccountState(graphFor(), MEGAN, started);
    expect(state).toMatchObject({ accountEnabled: false, perUserMfaState: "enforced", passwordResets: [expect.any(Date)] });
    expect(seen.some((s) => s.op === "getMfaRequirements" && s.version === "beta")).toBe(true);
  });

  it("gives every change of a failed envelope its code and request id, and a missing answer as no-answer", async () => {
    const forged = await applyAccountChanges(createFaultyTenantGraph(conn(), { forgedToken: true }), MEGAN, [
      { kind: "blockSignIn" },
      { kind: "enforceMfa" },
    ]);
    for (const c of forged.values())
      expect(c).toMatchObject({ status: "refused", graphCode: "InvalidAuthenticationToken", requestId: expect.any(String) });
    const dropped = await applyAccountChanges(createFaultyTenantGraph(conn(), { dropFromBatch: ["revokeSessions"] }), MEGAN, [
      { kind: "blockSignIn" },
      { kind: "revokeSessions" },
    ]);
    expect(dropped.get("blockSignIn")!.status).toBe("accepted");
    expect(dropped.get("revokeSessions")).toMatchObject({ status: "no-answer", error: { details: { timedOut: true } } });
  });

  it("turns an answer that is not JSON into Graph's failure, never a crash", async () => {
    const error = await executeBatch(createFaultyTenantGraph(conn(), { garbleBatch: true }), revokeAll()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      details: { graphCode: "UnreadableResponse", requestId: expect.any(String) },
    });
  });

  it("does not count a Retry-After wait toward the no-answer timeout: a long 429 is waited out and retried", async () => {
    sim.configure({ faults: [{ operation: "getUser", status: 429, times: 1, retryAfter: 2 }] });
    // Each attempt has 1 s to answer; the 2 s throttle in between is not "no answer".
    expect(await getUser(graphFor(CONTOSO, { timeoutMs: 1_000 }), MEGAN)).not.toBeNull();
    expect(attempts("getUser")).toBe(2);
  });

  it("backs off when Identity Protection answers 429 without Retry-After, and gets through", async () => {
    sim.configure({ quotas: { identityProtection: { limit: 1, windowMs: 1_000, sendsRetryAfter: false } } });
    const g = graphFor(CONTOSO, { delaySeconds: 1 });
    const megan = (await getUser(g, MEGAN))!;
    await getRiskyUser(g, megan.id);
    seen.length = 0;
    expect((await getRiskyUser(g, megan.id)).risk).toMatchObject({ riskState: "atRisk" });
    expect(attempts("getRiskyUser")).toBeGreaterThanOrEqual(2); // the first was throttled, the backoff got through
  });

  it("never sends mail twice: a 503 on sendMail is not retried (it may have gone out); a 429 is (it did not)", async () => {
    const mail = {
      from: "security@contoso.example",
      to: ["postmaster@gmail.com"],
      subject: "Advisory",
      text: "Block mail from megan.bowen@contoso.example",
    };
    sim.configure({ faults: [{ operation: "sendMail", status: 503, times: 1 }] });
    await expect(sendMail(graphFor(), mail)).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(attempts("sendMail")).toBe(1);
    seen.length = 0;
    sim.configure({ faults: [{ operation: "sendMail", status: 429, times: 1, retryAfter: 1 }] });
    await expect(sendMail(graphFor(), mail)).resolves.toMatchObject({ requestId: expect.any(String) });
    expect(attempts("sendMail")).toBe(2);
    expect(((await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/outbox`)).body as unknown as unknown[]).length).toBe(1);
  });

  it("explains an Exchange mailbox scope (RBAC for Applications) as such, not as a missing Mail.Send", async () => {
    const mail = { from: "security@contoso.example", to: ["postmaster@gmail.com"], subject: "Advisory", text: "x" };
    await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/settings`, { mailSendScope: ["alerts@contoso.example"] });
    const scoped = await sendMail(graphFor(), mail).catch((e: unknown) => e);
    expect(scoped).toMatchObject({ code: "UPSTREAM_ERROR", details: { graphCode: "ErrorAccessDenied", mailboxScope: true } });
    expect((scoped as Error).message).toMatch(
      /holds Mail\.Send, but the tenant's Exchange RBAC for Applications \(or an application access policy\) does not let it use this mailbox/,
    );
    await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/settings`, { mailSendScope: null, permissions: ["User.Read.All"] });
    const missing = await sendMail(graphFor(), mail).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/needs the application permission Mail\.Send/);
  });

  it("reports a timeout as such, while the write may have landed", async () => {
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 2_000 }] });
    await expect(setAccountEnabled(graphFor(CONTOSO, { timeoutMs: 500 }), MEGAN, false)).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      details: { timedOut: true, clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    await control(sim, "POST", "/advance-time", { ms: 10_000 });
    expect((await getUser(graphFor(), MEGAN))!.accountEnabled).toBe(false);
  });

  it("says the tenant connection's credentials were refused, and what to fix, without Entra's own text", async () => {
    const wrongSecret = await getUser(graphFor(CONTOSO, { clientSecret: "rotated-away" }), MEGAN).catch((e: unknown) => e);
    expect(wrongSecret).toMatchObject({ code: "UPSTREAM_ERROR", details: { graphCode: "AADSTS7000215", credentialRefused: true } });
    expect((wrongSecret as Error).message).toMatch(
      /^Microsoft Entra refused the tenant connection's credentials: the client secret is wrong or has expired\..*Admin → Tenants/,
    );
    expect((wrongSecret as Error).message).not.toMatch(/unavailable|Invalid client secret provided|AADSTS/);
    const notInTenant = await getUser(graphFor(CONTOSO, { clientId: "00000000-0000-4000-8000-0000000000aa" }), MEGAN).catch(
      (e: unknown) => e,
    );
    expect(notInTenant).toMatchObject({ code: "UPSTREAM_ERROR", details: { graphCode: "AADSTS700016" } });
    expect((notInTenant as Error).message).toMatch(/not registered or consented in this tenant \(consent may have been revoked\)/);
    expect(seen).toEqual([]); // nothing reached Graph
  });
});
