import { afterEach, describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM } from "../demo-tenants";
import { call, credentialFor, graphClient, expectConformingResponses, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

describe("simulator identity", () => {
  const sim = setUpCheckedSimulator();
  afterEach(() => expectConformingResponses(sim));

  it("issues a token to @azure/identity's client-credentials flow, bound to the tenant and its permissions", async () => {
    const token = await tokenFor(sim);
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
    expect(claims).toMatchObject({ tid: CONTOSO.tenantId, appid: CONTOSO.clientId, aud: "https://graph.microsoft.com" });
    expect(claims.roles).toContain("User.RevokeSessions.All");
    const fabrikam = JSON.parse(Buffer.from((await tokenFor(sim, FABRIKAM)).split(".")[1]!, "base64url").toString());
    expect(fabrikam.roles).not.toContain("User.RevokeSessions.All");
  });

  it("refuses a wrong secret with Entra's error", async () => {
    await expect(credentialFor(sim, CONTOSO, "wrong-secret").getToken("https://graph.microsoft.com/.default")).rejects.toThrow(
      /AADSTS7000215/,
    );
  });

  it("answers Graph calls without a token, with a forged or expired token, with 401", async () => {
    const missing = await call(sim, null, "GET", "/v1.0/users");
    expect(missing.status).toBe(401);
    expect(missing.body!.error.code).toBe("InvalidAuthenticationToken");
    expect(missing.body!.error.innerError["request-id"]).toBe(missing.headers.get("request-id"));
    const token = await tokenFor(sim);
    const forged = `${token.split(".").slice(0, 2).join(".")}.${"A".repeat(43)}`;
    expect((await call(sim, forged, "GET", "/v1.0/users")).status).toBe(401);
    sim.configure({ tokenLifetimeSeconds: 1 });
    const shortLived = (await credentialFor(sim).getToken("https://graph.microsoft.com/.default")).token;
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await call(sim, shortLived, "GET", "/v1.0/users");
    expect(expired.status).toBe(401);
    expect(expired.body!.error.message).toMatch(/expired/);
    sim.configure({ tokenLifetimeSeconds: 3599 });
  });

  it("binds the token to the requested resource: Graph accepts only its own audience", async () => {
    const viaAppId = (await credentialFor(sim).getToken("00000003-0000-0000-c000-000000000000/.default")).token;
    expect((await call(sim, viaAppId, "GET", "/v1.0/users?$top=1")).status).toBe(200);
    const arm = (await credentialFor(sim).getToken("https://management.azure.com/.default")).token;
    expect(JSON.parse(Buffer.from(arm.split(".")[1]!, "base64url").toString())).toMatchObject({
      aud: "https://management.azure.com",
      roles: [],
    });
    const refused = await call(sim, arm, "GET", "/v1.0/users");
    expect(refused.status).toBe(401);
    expect(refused.body!.error).toMatchObject({
      code: "InvalidAuthenticationToken",
      message: "Access token validation failure. Invalid audience.",
    });
    expect((await call(sim, arm, "POST", "/v1.0/$batch", { requests: [{ id: "1", method: "GET", url: "/users" }] })).status).toBe(401);
    await expect(credentialFor(sim).getToken("https://api.unknown.example/.default")).rejects.toThrow(/AADSTS500011/);
  });

  it("answers the token endpoint's scope mistakes with Entra's errors", async () => {
    const token = async (scope?: string) => {
      const res = await fetch(`${sim.url}/${CONTOSO.tenantId}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: CONTOSO.clientId,
          client_secret: CONTOSO.clientSecret,
          ...(scope === undefined ? {} : { scope }),
        }),
      });
      return { status: res.status, body: (await res.json()) as { error: string; error_description: string; access_token?: string } };
    };
    const cases: [string | undefined, string, string][] = [
      [undefined, "invalid_request", "AADSTS900144"],
      ["https://graph.microsoft.com/User.Read.All", "invalid_scope", "AADSTS1002012"],
      ["https://graph.microsoft.com/.default https://management.azure.com/.default", "invalid_scope", "AADSTS28000"],
      ["https://localhost:3001/.default", "invalid_resource", "AADSTS500011"],
    ];
    for (const [scope, error, code] of cases) {
      const res = await token(scope);
      expect(res.status, String(scope)).toBe(400);
      expect(res.body.error).toBe(error);
      expect(res.body.error_description.startsWith(`${code}:`)).toBe(true);
    }
    // The OIDC scopes a client may add are ignored.
    const ok = await token("https://graph.microsoft.com/.default offline_access openid");
    expect(ok.status).toBe(200);
    expect((await call(sim, ok.body.access_token!, "GET", "/v1.0/users?$top=1")).status).toBe(200);
  });

  it("serves Graph to the real SDK over HTTPS with the bearer token", async () => {
    const user = await graphClient(sim).api("/users/megan@contoso.example").get();
    expect(user).toMatchObject({ userPrincipalName: "megan@contoso.example", displayName: "Megan Bowen", accountEnabled: true });
  });
});
