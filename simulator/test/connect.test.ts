import { ClientCertificateCredential } from "@azure/identity";
import { createHash, createPublicKey, randomBytes, randomUUID, sign, verify, X509Certificate } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateClientCertificate, type ClientCertificate } from "../certificate";
import { CONTOSO, NORTHWIND } from "../demo-tenants";
import { MESSAGE_TRACE_APP_ID } from "../routes/directory";
import { NORTHWIND_ADMIN_PASSWORD } from "../scenario/northwind";
import type { RunningSimulator } from "../server";
import { call, control, expectConformingResponses, startCheckedSimulator } from "./support";

// Connecting a tenant the way an MSP tool does: one multi-tenant app with a certificate, admin
// consent per customer tenant, then a delegated sign-in (auth code + PKCE) that assigns the app's
// directory role and creates the message-trace principal.

const APP_ID = randomUUID();
const REDIRECT = "https://breachdesk.test/api/connect/consent";
const SETUP_REDIRECT = "https://breachdesk.test/api/connect/setup";
const USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const APPLICATION_ADMINISTRATOR = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";
const PERMISSIONS = ["User.Read.All", "User-PasswordProfile.ReadWrite.All", "Directory.Read.All", "ExchangeMessageTrace.Read.All"];

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
const form = (fields: Record<string, string>) => ({
  method: "POST",
  redirect: "manual" as const,
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields),
});

describe("connecting a tenant to a multi-tenant app", () => {
  let sim: RunningSimulator;
  let cert: ClientCertificate;
  const credential = (c: ClientCertificate, tenantId = NORTHWIND.tenantId) =>
    new ClientCertificateCredential(
      tenantId,
      APP_ID,
      { certificate: `${c.cert}\n${c.key}` },
      { authorityHost: sim.url, disableInstanceDiscovery: true },
    );
  const appToken = async (c = cert) => (await credential(c).getToken("https://graph.microsoft.com/.default")).token;

  beforeAll(async () => {
    cert = await generateClientCertificate("Breachdesk test app");
    sim = await startCheckedSimulator({
      applications: [
        {
          clientId: APP_ID,
          displayName: "Breachdesk",
          certificates: [cert.cert],
          secrets: ["app-secret"],
          redirectUris: [REDIRECT, SETUP_REDIRECT],
          permissions: PERMISSIONS,
        },
      ],
    });
  });
  afterEach(() => expectConformingResponses(sim));
  afterAll(() => sim.stop());

  const consentUrl = (tenant = "organizations", extra: Record<string, string> = {}) =>
    `${sim.url}/${tenant}/v2.0/adminconsent?${new URLSearchParams({ client_id: APP_ID, scope: "https://graph.microsoft.com/.default", redirect_uri: REDIRECT, state: "s-1", ...extra })}`;
  const submit = async (url: string, fields: Record<string, string>) => {
    const u = new URL(url);
    return fetch(`${u.origin}${u.pathname}`, form({ request: u.searchParams.toString(), ...fields }));
  };

  it("refuses an app-only token before consent: the app has no service principal in the tenant", async () => {
    await expect(appToken()).rejects.toThrow(/AADSTS7000229/);
  });

  it("shows Entra's own errors on the page for an unknown app or an unregistered redirect URI", async () => {
    const unknown = await fetch(consentUrl("organizations", { client_id: randomUUID() }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("AADSTS700016");
    const badRedirect = await fetch(consentUrl("organizations", { redirect_uri: `${REDIRECT}/x` }), { redirect: "manual" });
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain("AADSTS50011");
  });

  it("admin consent: a wrong password, another tenant's account and a non-admin stay on the page; Cancel and Accept redirect", async () => {
    const page = await fetch(consentUrl(NORTHWIND.tenantId));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("User-PasswordProfile.ReadWrite.All");
    const wrong = await submit(consentUrl(NORTHWIND.tenantId), {
      username: `admin@${NORTHWIND.primaryDomain}`,
      password: "nope",
      decision: "accept",
    });
    expect(await wrong.text()).toContain("AADSTS50126");
    const otherTenant = await submit(consentUrl(NORTHWIND.tenantId), {
      username: `megan@${CONTOSO.primaryDomain}`,
      password: "x",
      decision: "accept",
    });
    expect(await otherTenant.text()).toContain("AADSTS50020");
    const cancelled = await submit(consentUrl(), { decision: "cancel" });
    expect(cancelled.status).toBe(302);
    const denied = new URL(cancelled.headers.get("location")!);
    expect(Object.fromEntries(denied.searchParams)).toMatchObject({ error: "access_denied", state: "s-1" });
    expect(denied.searchParams.get("error_description")).toMatch(/^AADSTS65004/);

    const accepted = await submit(consentUrl(), {
      username: `admin@${NORTHWIND.primaryDomain}`,
      password: NORTHWIND_ADMIN_PASSWORD,
      decision: "accept",
    });
    expect(accepted.status).toBe(302);
    const back = new URL(accepted.headers.get("location")!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(Object.fromEntries(back.searchParams)).toEqual({
      admin_consent: "True",
      tenant: NORTHWIND.tenantId,
      scope: "https://graph.microsoft.com/.default",
      state: "s-1",
    });
  });

  it("after consent the app's token for that tenant carries exactly the consented permissions, and no directory role yet", async () => {
    const token = await appToken();
    expect(claimsOf(token)).toMatchObject({ tid: NORTHWIND.tenantId, appid: APP_ID, roles: PERMISSIONS });
    const users = await call(sim, token, "GET", "/v1.0/users?$select=id,userPrincipalName");
    expect(users.status).toBe(200);
    const jamie = users.body!.value.find((u: { userPrincipalName: string }) => u.userPrincipalName.startsWith("jamie@"));
    const reset = await call(sim, token, "PATCH", `/v1.0/users/${jamie.id}`, {
      passwordProfile: { password: "A-long-new-password-1", forceChangePasswordNextSignIn: true },
    });
    expect(reset.status).toBe(403);
    const trace = await call(sim, token, "GET", "/v1.0/admin/exchange/tracing/messageTraces");
    expect(trace.status).toBe(401);
    // Another tenant never consented: still no token there.
    await expect(credential(cert, CONTOSO.tenantId).getToken("https://graph.microsoft.com/.default")).rejects.toThrow(/AADSTS7000229/);
  });

  it("refuses a certificate the app does not have, an expired one, and an assertion for another audience", async () => {
    const stranger = await generateClientCertificate("Not registered");
    await expect(appToken(stranger)).rejects.toThrow(/AADSTS700027/);
    const expired = await generateClientCertificate("Expired", -1);
    sim.configure({
      application: {
        clientId: APP_ID,
        displayName: "Breachdesk",
        certificates: [cert.cert, expired.cert],
        secrets: ["app-secret"],
        redirectUris: [REDIRECT, SETUP_REDIRECT],
        permissions: PERMISSIONS,
      },
    });
    await expect(appToken(expired)).rejects.toThrow(/AADSTS700027.*expired/);
    // A hand-made assertion signed with the right key but for another token endpoint.
    const header = Buffer.from(
      JSON.stringify({ alg: "RS256", x5t: createHash("sha1").update(new X509Certificate(cert.cert).raw).digest("base64url") }),
    ).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(
      JSON.stringify({
        aud: "https://login.example/other/oauth2/v2.0/token",
        iss: APP_ID,
        sub: APP_ID,
        jti: randomUUID(),
        nbf: now,
        exp: now + 600,
      }),
    ).toString("base64url");
    const assertion = `${header}.${payload}.${sign("sha256", Buffer.from(`${header}.${payload}`), cert.key).toString("base64url")}`;
    const res = await fetch(
      `${sim.url}/${NORTHWIND.tenantId}/oauth2/v2.0/token`,
      form({
        grant_type: "client_credentials",
        client_id: APP_ID,
        scope: "https://graph.microsoft.com/.default",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: assertion,
      }),
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_description: string }).error_description).toMatch(/^AADSTS50013/);
  });

  type Signed = { token: string; idToken: string; claims: Record<string, unknown> };
  async function signInWithCode(username: string, password: string, scope: string): Promise<Signed> {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const authorize = `${sim.url}/${NORTHWIND.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({
      client_id: APP_ID,
      response_type: "code",
      redirect_uri: SETUP_REDIRECT,
      scope,
      state: "st",
      code_challenge: challenge,
      code_challenge_method: "S256",
      nonce: "n-1",
    })}`;
    const redirected = await submit(authorize, { username, password, decision: "accept" });
    expect(redirected.status, await redirected.clone().text()).toBe(302);
    const code = new URL(redirected.headers.get("location")!).searchParams.get("code")!;
    const redeem = (codeVerifier: string) =>
      fetch(
        `${sim.url}/${NORTHWIND.tenantId}/oauth2/v2.0/token`,
        form({
          grant_type: "authorization_code",
          client_id: APP_ID,
          client_secret: "app-secret",
          code,
          redirect_uri: SETUP_REDIRECT,
          code_verifier: codeVerifier,
        }),
      );
    const body = (await (await redeem(verifier)).json()) as { access_token: string; id_token: string };
    // A code is single-use.
    const replay = (await (await redeem(verifier)).json()) as { error_description: string };
    expect(replay.error_description).toMatch(/^AADSTS54005/);
    return { token: body.access_token, idToken: body.id_token, claims: claimsOf(body.id_token) };
  }

  it("authorization code + PKCE: a wrong verifier is refused; the id token verifies with the published keys", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const authorize = `${sim.url}/${NORTHWIND.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({
      client_id: APP_ID,
      response_type: "code",
      redirect_uri: SETUP_REDIRECT,
      scope: "openid profile",
      state: "st",
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    })}`;
    const page = await fetch(authorize);
    expect(await page.text()).toContain('name="password"');
    const redirected = await submit(authorize, {
      username: `admin@${NORTHWIND.primaryDomain}`,
      password: NORTHWIND_ADMIN_PASSWORD,
      decision: "accept",
    });
    const code = new URL(redirected.headers.get("location")!).searchParams.get("code")!;
    const res = await fetch(
      `${sim.url}/${NORTHWIND.tenantId}/oauth2/v2.0/token`,
      form({
        grant_type: "authorization_code",
        client_id: APP_ID,
        client_secret: "app-secret",
        code,
        redirect_uri: SETUP_REDIRECT,
        code_verifier: randomBytes(32).toString("base64url"),
      }),
    );
    expect(((await res.json()) as { error_description: string }).error_description).toMatch(/^AADSTS501481/);

    const signed = await signInWithCode(`admin@${NORTHWIND.primaryDomain}`, NORTHWIND_ADMIN_PASSWORD, "openid profile email");
    expect(signed.claims).toMatchObject({
      tid: NORTHWIND.tenantId,
      aud: APP_ID,
      iss: `${sim.url}/${NORTHWIND.tenantId}/v2.0`,
      email: `admin@${NORTHWIND.primaryDomain}`,
      nonce: "n-1",
      oid: expect.any(String),
    });
    const jwks = (await (await fetch(`${sim.url}/${NORTHWIND.tenantId}/discovery/v2.0/keys`)).json()) as {
      keys: ({ kid: string } & Record<string, string>)[];
    };
    const [h, p, s] = signed.idToken.split(".");
    const kid = (JSON.parse(Buffer.from(h!, "base64url").toString()) as { kid: string }).kid;
    const key = createPublicKey({ key: jwks.keys.find((k) => k.kid === kid)!, format: "jwk" });
    expect(verify("sha256", Buffer.from(`${h}.${p}`), key, Buffer.from(s!, "base64url"))).toBe(true);
  });

  it("the signed-in admin assigns the app User Administrator and creates the message-trace principal; the app can then reset and trace", async () => {
    const admin = await signInWithCode(
      `admin@${NORTHWIND.primaryDomain}`,
      NORTHWIND_ADMIN_PASSWORD,
      "openid https://graph.microsoft.com/RoleManagement.ReadWrite.Directory https://graph.microsoft.com/Application.ReadWrite.All",
    );
    expect(claimsOf(admin.token)).toMatchObject({
      scp: "RoleManagement.ReadWrite.Directory Application.ReadWrite.All",
      tid: NORTHWIND.tenantId,
    });
    const sp = await call(sim, await appToken(), "GET", `/v1.0/servicePrincipals(appId='${APP_ID}')`);
    expect(sp.status).toBe(200);
    const unfiltered = await call(sim, await appToken(), "GET", "/v1.0/roleManagement/directory/roleAssignments");
    expect(unfiltered.status).toBe(400);
    const before = await call(
      sim,
      await appToken(),
      "GET",
      `/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '${sp.body!.id}'`,
    );
    expect(before.body!.value).toEqual([]);

    const assign = {
      "@odata.type": "#microsoft.graph.unifiedRoleAssignment",
      principalId: sp.body!.id,
      roleDefinitionId: USER_ADMINISTRATOR,
      directoryScopeId: "/",
    };
    // App-only, the app cannot give itself a role.
    expect((await call(sim, await appToken(), "POST", "/v1.0/roleManagement/directory/roleAssignments", assign)).status).toBe(403);
    const assigned = await call(sim, admin.token, "POST", "/v1.0/roleManagement/directory/roleAssignments", assign);
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ principalId: sp.body!.id, roleDefinitionId: USER_ADMINISTRATOR, directoryScopeId: "/" });
    expect((await call(sim, admin.token, "POST", "/v1.0/roleManagement/directory/roleAssignments", assign)).body!.error.message).toMatch(
      /conflicting object/,
    );
    const after = await call(
      sim,
      await appToken(),
      "GET",
      `/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '${sp.body!.id}'`,
    );
    expect(after.body!.value).toEqual([expect.objectContaining({ roleDefinitionId: USER_ADMINISTRATOR })]);
    const memberOf = await call(sim, await appToken(), "GET", `/v1.0/servicePrincipals(appId='${APP_ID}')/memberOf`);
    expect(memberOf.body!.value).toEqual([
      expect.objectContaining({ displayName: "User Administrator", roleTemplateId: USER_ADMINISTRATOR }),
    ]);

    expect((await call(sim, await appToken(), "GET", `/v1.0/servicePrincipals(appId='${MESSAGE_TRACE_APP_ID}')`)).status).toBe(404);
    expect((await call(sim, admin.token, "POST", "/v1.0/servicePrincipals", { appId: MESSAGE_TRACE_APP_ID })).status).toBe(201);
    expect((await call(sim, await appToken(), "GET", `/v1.0/servicePrincipals(appId='${MESSAGE_TRACE_APP_ID}')`)).status).toBe(200);

    const token = await appToken();
    const users = await call(sim, token, "GET", "/v1.0/users?$select=id,userPrincipalName");
    const jamie = users.body!.value.find((u: { userPrincipalName: string }) => u.userPrincipalName.startsWith("jamie@"));
    expect(
      (
        await call(sim, token, "PATCH", `/v1.0/users/${jamie.id}`, {
          passwordProfile: { password: "A-long-new-password-1", forceChangePasswordNextSignIn: true },
        })
      ).status,
    ).toBe(204);
    expect((await call(sim, token, "GET", "/v1.0/admin/exchange/tracing/messageTraces")).status).toBe(200);
  });

  it("a delegated caller needs the directory role besides the scope; a user who may not consent is stopped on the page", async () => {
    const admin = await signInWithCode(
      `admin@${NORTHWIND.primaryDomain}`,
      NORTHWIND_ADMIN_PASSWORD,
      "openid RoleManagement.ReadWrite.Directory",
    );
    const app = await appToken();
    const users = await call(sim, app, "GET", "/v1.0/users?$select=id,userPrincipalName");
    const sam = users.body!.value.find((u: { userPrincipalName: string }) => u.userPrincipalName.startsWith("sam@"));
    // The app (User Administrator since the previous test) gives Sam a password we know.
    expect(
      (
        await call(sim, app, "PATCH", `/v1.0/users/${sam.id}`, {
          passwordProfile: { password: "Sam-known-password-1", forceChangePasswordNextSignIn: false },
        })
      ).status,
    ).toBe(204);
    const authorize = `${sim.url}/${NORTHWIND.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: APP_ID, response_type: "code", redirect_uri: SETUP_REDIRECT, scope: "openid RoleManagement.ReadWrite.Directory", state: "x" })}`;
    const refused = await submit(authorize, { username: sam.userPrincipalName, password: "Sam-known-password-1", decision: "accept" });
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("AADSTS90094");
    // As an Application Administrator Sam may consent for himself, but may still not assign roles.
    expect(
      (
        await call(sim, admin.token, "POST", "/v1.0/roleManagement/directory/roleAssignments", {
          principalId: sam.id,
          roleDefinitionId: APPLICATION_ADMINISTRATOR,
          directoryScopeId: "/",
        })
      ).status,
    ).toBe(201);
    const samSignedIn = await signInWithCode(sam.userPrincipalName, "Sam-known-password-1", "openid RoleManagement.ReadWrite.Directory");
    const attempt = await call(sim, samSignedIn.token, "POST", "/v1.0/roleManagement/directory/roleAssignments", {
      principalId: sam.id,
      roleDefinitionId: USER_ADMINISTRATOR,
      directoryScopeId: "/",
    });
    expect(attempt.status).toBe(403);
    expect(attempt.body!.error.code).toBe("Authorization_RequestDenied");
    // A delegated token reaches only operations the simulator models for users.
    expect((await call(sim, admin.token, "GET", "/v1.0/users")).status).toBe(403);
    const state = (await control(sim, "GET", `/tenants/${NORTHWIND.tenantId}/users`)).body as unknown as {
      userPrincipalName: string;
      directoryRoles: string[];
    }[];
    expect(state.find((u) => u.userPrincipalName === sam.userPrincipalName)!.directoryRoles).toEqual(["Application Administrator"]);
  });
});
