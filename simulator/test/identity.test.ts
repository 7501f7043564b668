import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM } from "../demo-tenants";
import type { RunningSimulator } from "../server";
import { call, credentialFor, graphClient, startTestSimulator, tokenFor } from "./support";

describe("simulator identity", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.stop());

  it("issues a token to @azure/identity's client-credentials flow, bound to the tenant and its permissions", async () => {
    const token = await tokenFor(sim);
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
    expect(claims).toMatchObject({ tid: CONTOSO.tenantId, appid: CONTOSO.clientId, aud: "https://graph.microsoft.com" });
    expect(claims.roles).toContain("User.RevokeSessions.All");
    const fabrikam = JSON.parse(Buffer.from((await tokenFor(sim, FABRIKAM)).split(".")[1]!, "base64url").toString());
    expect(fabrikam.roles).not.toContain("User.RevokeSessions.All");
  });

  it("refuses a wrong secret with Entra's error", async () => {
    await expect(credentialFor(sim, CONTOSO, "wrong-secret").getToken("https://graph.microsoft.com/.default")).rejects.toThrow(/AADSTS7000215/);
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

  it("serves Graph to the real SDK over HTTPS with the bearer token", async () => {
    const user = await graphClient(sim).api("/users/megan@contoso.example").get();
    expect(user).toMatchObject({ userPrincipalName: "megan@contoso.example", displayName: "Megan Bowen", accountEnabled: true });
  });
});
