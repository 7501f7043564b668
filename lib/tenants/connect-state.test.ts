import { describe, expect, it } from "vitest";
import { newNonce, signState, stateKey, verifyState, type StatePayload } from "./connect-state";
import { adminConsentUrl, authorizeUrl, microsoftError, redirectUris, setupScopes } from "./connect-urls";

const key = stateKey("x".repeat(32));
const payload = (over: Partial<StatePayload> = {}): StatePayload => ({
  nonce: newNonce(),
  userId: "u-1",
  tenantId: "t-1",
  purpose: "CONSENT",
  expiresAt: Date.now() + 60_000,
  ...over,
});

describe("connect state", () => {
  it("round-trips a signed state bound to user, tenant, purpose and expiry", () => {
    const p = payload();
    expect(verifyState(signState(p, key), key, "CONSENT")).toEqual({ payload: p });
  });
  it("refuses another key, a changed payload, another purpose, an expired state and garbage", () => {
    const p = payload();
    const state = signState(p, key);
    expect(verifyState(state, stateKey("y".repeat(32)), "CONSENT")).toEqual({ problem: "bad-signature" });
    const [, sig] = state.split(".");
    const swapped = Buffer.from(JSON.stringify({ n: p.nonce, u: "u-2", t: p.tenantId, p: p.purpose, e: p.expiresAt })).toString(
      "base64url",
    );
    expect(verifyState(`${swapped}.${sig}`, key, "CONSENT")).toEqual({ problem: "bad-signature" });
    expect(verifyState(state, key, "SETUP")).toEqual({ problem: "wrong-purpose" });
    expect(verifyState(signState(payload({ expiresAt: Date.now() - 1 }), key), key, "CONSENT")).toEqual({ problem: "expired" });
    for (const junk of [null, "", "a", "a.b.c", `${"a".repeat(2000)}.b`])
      expect(verifyState(junk, key, "CONSENT")).toMatchObject({ problem: expect.any(String) });
  });
  it("derives its own key from the server secret, never the secret itself", () => {
    expect(stateKey("x".repeat(32)).equals(Buffer.from("x".repeat(32)))).toBe(false);
    expect(stateKey("x".repeat(32))).toHaveLength(32);
  });
});

describe("connect URLs", () => {
  it("builds exact redirect URIs from the app's URL", () => {
    expect(redirectUris("https://bd.example.com/")).toEqual({
      consent: "https://bd.example.com/api/connect/consent",
      setup: "https://bd.example.com/api/connect/setup",
      signIn: "https://bd.example.com/api/auth/callback/azure-ad",
    });
  });
  it("asks a bound tenant by id and a new one through organizations", () => {
    const base = {
      authority: "https://login.microsoftonline.com",
      clientId: "c",
      redirectUri: "https://bd/api/connect/consent",
      state: "s",
    };
    expect(adminConsentUrl({ ...base, entraTenantId: null })).toBe(
      "https://login.microsoftonline.com/organizations/v2.0/adminconsent?client_id=c&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=https%3A%2F%2Fbd%2Fapi%2Fconnect%2Fconsent&state=s",
    );
    expect(adminConsentUrl({ ...base, entraTenantId: "tid" })).toContain("/tid/v2.0/adminconsent?");
    const authorize = new URL(
      authorizeUrl({ ...base, entraTenantId: "tid", scopes: setupScopes({ roles: true, servicePrincipal: false }), codeChallenge: "ch" }),
    );
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: "code",
      code_challenge: "ch",
      code_challenge_method: "S256",
      scope: "openid profile https://graph.microsoft.com/RoleManagement.ReadWrite.Directory",
    });
  });
  it("keeps Microsoft's error to printable text of bounded length", () => {
    expect(microsoftError(new URLSearchParams())).toBeNull();
    const e = microsoftError(
      new URLSearchParams({ error: "access_denied", error_description: `AADSTS65004: declined\u0000\n${"x".repeat(1000)}` }),
    )!;
    expect(e.code).toBe("access_denied");
    expect(e.description.startsWith("AADSTS65004: declined x")).toBe(true);
    expect(e.description.length).toBe(400);
  });
});
