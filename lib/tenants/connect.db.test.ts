import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { callGraph } from "@/lib/graph/request";
import { DEPLOYMENT_APP_PERMISSIONS } from "@/lib/graph/operations";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { generateClientCertificate } from "@/simulator/certificate";
import { CONTOSO, NORTHWIND } from "@/simulator/demo-tenants";
import { NORTHWIND_ADMIN_PASSWORD } from "@/simulator/scenario/northwind";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { assignTicket } from "@/lib/workflow/service";
import { completeConsent, startConsent } from "./consent";
import { redirectUris } from "./connect-urls";
import { latestConnectionCheck, recheckConnection, recheckDueConnections } from "./connection-check";
import { getTenantConnection } from "./connection-queries";
import { disconnectTenant } from "./disconnect";
import { completeSetup, startSetup } from "./setup";

// Connecting a tenant end to end against the simulator's Entra: admin consent, the callback's
// checks (forged, replayed, another user's, a tenant bound elsewhere, the wrong tenant), the
// guided setup with a delegated sign-in (auth code + PKCE), the daily re-check and disconnect.

const APP_URL = "http://localhost:3999";
const APP_ID = "6a1f2e3d-4c5b-4a69-8b7c-0d1e2f3a4b5c";
const ADMIN = { username: `admin@${NORTHWIND.primaryDomain}`, password: NORTHWIND_ADMIN_PASSWORD };
const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "bd-connect-"));
const certFile = path.join(certDir, "app.pem");
let cert: Awaited<ReturnType<typeof generateClientCertificate>>;

beforeAll(async () => {
  cert = await generateClientCertificate("Breachdesk connect test");
  fs.writeFileSync(certFile, `${cert.cert}${cert.key}`, { mode: 0o600 });
});
const sim = setUpTestSimulator(() => {
  const uris = redirectUris(APP_URL);
  return {
    applications: [
      {
        clientId: APP_ID,
        displayName: "Breachdesk",
        certificates: [cert.cert],
        redirectUris: [uris.consent, uris.setup],
        permissions: DEPLOYMENT_APP_PERMISSIONS,
      },
    ],
  };
});
beforeAll(() => {
  vi.stubEnv("BREACHDESK_DEMO", "1");
  vi.stubEnv("NEXTAUTH_URL", APP_URL);
  vi.stubEnv("GRAPH_SIMULATOR_URL", sim.url);
  vi.stubEnv("BREACHDESK_APP_CLIENT_ID", APP_ID);
  vi.stubEnv("BREACHDESK_APP_CERTIFICATE", certFile);
});
afterAll(async () => {
  fs.rmSync(certDir, { recursive: true, force: true });
});

/** The admin at Microsoft's page: Accept (or Cancel); answers the query Microsoft sends back. */
async function atMicrosoft(url: string, decision: "accept" | "cancel" = "accept", who = ADMIN): Promise<URLSearchParams> {
  const u = new URL(url);
  const res = await fetch(`${u.origin}${u.pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request: u.searchParams.toString(), ...who, decision }),
  });
  expect(res.status, await res.clone().text()).toBe(302);
  return new URL(res.headers.get("location")!).searchParams;
}

describe.each(testDbKinds())("connecting a tenant on %s", (kind) => {
  let t: TestDb;
  let northwind: { id: string };
  let admin: Viewer;
  let platform: Viewer;
  beforeAll(async () => {
    sim.reset();
    t = await createTestDb(kind);
    northwind = await seedTenant(t.db, {
      displayName: "Northwind",
      primaryDomain: NORTHWIND.primaryDomain,
      entraTenantId: null,
      connectionMode: "DEPLOYMENT_APP",
    });
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: northwind.id }));
    platform = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
  });
  afterAll(() => t.close());

  it("sends the admin to the admin-consent endpoint with the app's .default scope, an exact redirect URI and a signed state", async () => {
    const { url } = await startConsent(t.db, admin, northwind.id);
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(`${sim.url}/organizations/v2.0/adminconsent`);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      client_id: APP_ID,
      scope: "https://graph.microsoft.com/.default",
      redirect_uri: `${APP_URL}/api/connect/consent`,
    });
    expect(u.searchParams.get("state")).toMatch(/^[\w-]+\.[\w-]{43}$/);
    // A tenant admin reaches only their own tenant.
    const other = await seedTenant(t.db, { entraTenantId: null, connectionMode: "DEPLOYMENT_APP" });
    await expect(startConsent(t.db, admin, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a denied consent is recorded with Microsoft's error, and connects nothing", async () => {
    const back = await atMicrosoft((await startConsent(t.db, admin, northwind.id)).url, "cancel");
    const result = await completeConsent(t.db, admin, back);
    expect(result).toMatchObject({ tenantId: northwind.id });
    const { attempt, tenant } = await getTenantConnection(t.db, admin, northwind.id, (result as { attemptId: string }).attemptId);
    expect(attempt).toMatchObject({
      outcome: "FAILED",
      outcomeCode: "access_denied",
      outcomeDetail: expect.stringMatching(/^AADSTS65004/),
    });
    expect(tenant).toMatchObject({ entraTenantId: null, consentedAt: null });
  });

  it("refuses forged, replayed and another user's states, and a tenant already bound to another Breachdesk tenant", async () => {
    const { url } = await startConsent(t.db, admin, northwind.id);
    const back = await atMicrosoft(url);
    const state = back.get("state")!;
    const forged = new URLSearchParams(back);
    forged.set("state", `${state.split(".")[0]}.${"A".repeat(43)}`);
    expect(await completeConsent(t.db, admin, forged)).toEqual({ refused: "bad-signature" });
    const tampered = new URLSearchParams(back);
    const payload = JSON.parse(Buffer.from(state.split(".")[0]!, "base64url").toString());
    tampered.set("state", `${Buffer.from(JSON.stringify({ ...payload, u: platform.id })).toString("base64url")}.${state.split(".")[1]}`);
    expect(await completeConsent(t.db, platform, tampered)).toEqual({ refused: "bad-signature" });
    expect(await completeConsent(t.db, platform, back)).toEqual({ refused: "other-user" });
    expect(await completeConsent(t.db, null, back)).toEqual({ refused: "signed-out" });

    // Contoso (Breachdesk) already holds this Entra tenant id: Northwind may not take it.
    const holder = await seedTenant(t.db, { entraTenantId: NORTHWIND.tenantId });
    const refused = await completeConsent(t.db, admin, back);
    const attempt = (await getTenantConnection(t.db, admin, northwind.id, (refused as { attemptId: string }).attemptId)).attempt;
    expect(attempt).toMatchObject({
      outcome: "REFUSED",
      outcomeDetail: expect.stringContaining("already connected to another Breachdesk tenant"),
    });
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: northwind.id } })).entraTenantId).toBeNull();
    // The state was spent: the same answer again is a replay.
    expect(await completeConsent(t.db, admin, back)).toEqual({ refused: "replayed" });
    await t.db.tenant.delete({ where: { id: holder.id } });
  });

  it("refuses the callback when its user may no longer connect the tenant", async () => {
    const back = await atMicrosoft((await startConsent(t.db, admin, northwind.id)).url);
    const demoted = { ...admin, tenantId: (await seedTenant(t.db)).id };
    const result = await completeConsent(t.db, demoted, back);
    const row = await t.db.tenantConnectAttempt.findUniqueOrThrow({ where: { id: (result as { attemptId: string }).attemptId } });
    expect(row).toMatchObject({ outcome: "REFUSED", outcomeCode: "not-allowed" });
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: northwind.id } })).consentedAt).toBeNull();
  });

  it("binds the consenting tenant and checks at once: consent done, the role and the message-trace principal missing", async () => {
    const back = await atMicrosoft((await startConsent(t.db, admin, northwind.id)).url);
    expect(back.get("tenant")).toBe(NORTHWIND.tenantId);
    const result = await completeConsent(t.db, admin, back);
    const connection = await getTenantConnection(t.db, admin, northwind.id, (result as { attemptId: string }).attemptId);
    expect(connection.attempt).toMatchObject({ outcome: "SUCCEEDED" });
    expect(connection.tenant).toMatchObject({
      entraTenantId: NORTHWIND.tenantId,
      connectionMode: "DEPLOYMENT_APP",
      consentedAt: expect.any(Date),
      servicePrincipalId: expect.any(String),
    });
    const states = Object.fromEntries(connection.check!.items.map((i) => [i.key, i.state]));
    expect(states).toEqual({
      consent: "done",
      userAdministrator: "missing",
      privilegedAuthentication: "missing",
      messageTrace: "missing",
      mailboxScope: "missing",
    });
    expect(connection.check).toMatchObject({ trigger: "CONSENT", connected: true, ready: false });
    // Every remediation operation is listed; sending mail is unverifiable (Exchange's scope), not missing.
    const send = connection.check!.operations!.find((r) => r.op === "sendMail")!;
    expect(send).toMatchObject({ granted: true, probe: { ok: null } });
    expect(await t.db.auditEvent.count({ where: { action: "tenant.consented", tenantId: northwind.id } })).toBe(1);
  });

  it("refuses a consent from another Entra tenant than the bound one", async () => {
    const { url } = await startConsent(t.db, admin, northwind.id);
    // Bound tenants are asked by id, not "organizations".
    expect(url).toContain(`/${NORTHWIND.tenantId}/v2.0/adminconsent`);
    const params = new URLSearchParams({
      admin_consent: "True",
      tenant: CONTOSO.tenantId,
      scope: "https://graph.microsoft.com/.default",
      state: new URL(url).searchParams.get("state")!,
    });
    const result = await completeConsent(t.db, admin, params);
    const row = await t.db.tenantConnectAttempt.findUniqueOrThrow({ where: { id: (result as { attemptId: string }).attemptId } });
    expect(row).toMatchObject({
      outcome: "REFUSED",
      outcomeDetail: expect.stringContaining(`another Microsoft 365 tenant (${CONTOSO.tenantId})`),
    });
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id: northwind.id } })).entraTenantId).toBe(NORTHWIND.tenantId);
  });

  it("sets up the rest with the admin's delegated sign-in (auth code + PKCE, only the scopes needed): the check goes all green", async () => {
    const { url } = await startSetup(t.db, admin, northwind.id, { privileged: true });
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(`${sim.url}/${NORTHWIND.tenantId}/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      client_id: APP_ID,
      response_type: "code",
      redirect_uri: `${APP_URL}/api/connect/setup`,
      code_challenge_method: "S256",
      scope:
        "openid profile https://graph.microsoft.com/RoleManagement.ReadWrite.Directory https://graph.microsoft.com/Application.ReadWrite.All",
    });
    // The verifier stays on the server, encrypted; the URL carries only its challenge.
    const stored = await t.db.tenantConnectAttempt.findFirstOrThrow({
      where: { tenantId: northwind.id, purpose: "SETUP" },
      select: { codeVerifierEncrypted: true },
    });
    expect(stored.codeVerifierEncrypted).toMatch(/^v1\./);
    expect(url).not.toContain(stored.codeVerifierEncrypted!);

    const back = await atMicrosoft(url);
    const result = await completeSetup(t.db, admin, back);
    const connection = await getTenantConnection(t.db, admin, northwind.id, (result as { attemptId: string }).attemptId);
    expect(connection.attempt).toMatchObject({
      outcome: "SUCCEEDED",
      outcomeDetail: expect.stringContaining("Assigned User Administrator"),
    });
    expect(Object.fromEntries(connection.check!.items.map((i) => [i.key, i.state]))).toMatchObject({
      consent: "done",
      userAdministrator: "done",
      privilegedAuthentication: "done",
      messageTrace: "done",
    });
    expect(connection.check).toMatchObject({ trigger: "SETUP", ready: true });
    expect(await t.db.tenantConnectAttempt.count({ where: { tenantId: northwind.id, codeVerifierEncrypted: { not: null } } })).toBe(0);
    // The code was spent: the same answer again is refused, and nothing more is asked of Microsoft.
    expect(await completeSetup(t.db, admin, back)).toEqual({ refused: "replayed" });
    await expect(startSetup(t.db, admin, northwind.id, { privileged: true })).rejects.toMatchObject({ code: "INVALID_STATE" });

    // The app can now reset a password in the tenant.
    const graph = await getTenantGraph(t.db, northwind.id);
    const jamie = await callGraph<{ id: string }>(graph, {
      op: "getUser",
      method: "GET",
      path: `/users/jamie@${NORTHWIND.primaryDomain}?$select=id`,
    });
    const reset = await callGraph(graph, {
      op: "resetPassword",
      method: "PATCH",
      path: `/users/${jamie.body.id}`,
      body: { passwordProfile: { password: "A-new-long-password-9", forceChangePasswordNextSignIn: true } },
    });
    expect(reset.status).toBe(204);
  });

  it("re-checks on demand and daily, and a removed role shows as missing again", async () => {
    await fetch(`${sim.url}/_control/tenants/${NORTHWIND.tenantId}/service-principals/${APP_ID}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ directoryRoles: [] }),
    });
    const manual = await recheckConnection(t.db, admin, northwind.id);
    expect(manual).toMatchObject({ ready: false });
    expect(manual.items.find((i) => i.key === "userAdministrator")).toMatchObject({ state: "missing" });
    // Daily: only tenants in use whose last check is old enough.
    expect(await recheckDueConnections(t.db)).toEqual({ checked: 0, ready: 0 });
    const daily = await recheckDueConnections(t.db, { now: new Date(Date.now() + 21 * 3_600_000) });
    expect(daily.checked).toBeGreaterThanOrEqual(1);
    expect(await latestConnectionCheck(t.db, northwind.id)).toMatchObject({ trigger: "DAILY" });
  });

  it("disconnect: Graph is no longer used, the tickets stay readable, the daily check skips it", async () => {
    const ticket = await seedTicket(t.db, { tenantId: northwind.id, reporterId: admin.id });
    await expect(disconnectTenant(t.db, { ...admin, tenantId: (await seedTenant(t.db)).id }, northwind.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await disconnectTenant(t.db, admin, northwind.id);
    await expect(getTenantGraph(t.db, northwind.id)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("disconnected"),
    });
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ tenantId: northwind.id });
    // Its tickets are read-only: work on them is refused, not only what calls Graph.
    const engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    await expect(assignTicket(t.db, engineer, { ticketId: ticket.id, assigneeId: engineer.id, version: 1 })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("read-only"),
    });
    const before = await t.db.tenantConnectionCheck.count({ where: { tenantId: northwind.id } });
    await recheckDueConnections(t.db, { now: new Date(Date.now() + 48 * 3_600_000) });
    expect(await t.db.tenantConnectionCheck.count({ where: { tenantId: northwind.id } })).toBe(before);
    await expect(disconnectTenant(t.db, platform, northwind.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await t.db.auditEvent.count({ where: { action: "tenant.disconnected", tenantId: northwind.id } })).toBe(1);
  });
});
