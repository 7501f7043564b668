import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO } from "../demo-tenants";
import { buildWorld } from "../scenario/build";
import { call, control, expectConformingResponses, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

const MEGAN = "megan@contoso.example";
const T = `/tenants/${CONTOSO.tenantId}`;

// Writes change the world at once (the attacker meets them); reads catch up after the
// read-after-write lag (rules.ts), which these tests skip with the simulator clock.

describe("simulator effects: the world reacts to remediation", () => {
  const sim = setUpCheckedSimulator();
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
  });
  beforeEach(() => sim.reset());
  afterEach(() => expectConformingResponses(sim));
  const catchUp = () => control(sim, "POST", "/advance-time", { ms: 10_000 });

  it("after block sign-in the attacker's next sign-in fails with 50057 and is logged", async () => {
    expect((await control(sim, "POST", `${T}/attacker-sign-in`, { upn: MEGAN })).body).toMatchObject({ success: true, errorCode: 0 });
    expect((await call(sim, token, "PATCH", `/v1.0/users/${MEGAN}`, { accountEnabled: false })).status).toBe(204);
    expect((await control(sim, "POST", `${T}/attacker-sign-in`, { upn: MEGAN })).body).toMatchObject({ success: false, errorCode: 50057 });
    await catchUp();
    expect((await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!.accountEnabled).toBe(false);
    const megan = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!;
    const log = (await call(sim, token, "GET", `/v1.0/auditLogs/signIns?$filter=userId eq '${megan.id}'&$top=1`)).body!.value[0];
    expect(log).toMatchObject({ status: { errorCode: 50057 }, location: { countryOrRegion: "NG" } });
  });

  it("after revoke, signInSessionsValidFromDateTime moves and the attacker's old session stops working", async () => {
    const before = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!.signInSessionsValidFromDateTime;
    expect((await control(sim, "POST", `${T}/attacker-session`, { upn: MEGAN })).body).toMatchObject({ valid: true });
    const revoke = await call(sim, token, "POST", `/v1.0/users/${MEGAN}/revokeSignInSessions`);
    expect(revoke).toMatchObject({ status: 200, body: { value: true } });
    await catchUp();
    const after = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!.signInSessionsValidFromDateTime;
    expect(new Date(after).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect((await control(sim, "POST", `${T}/attacker-session`, { upn: MEGAN })).body).toMatchObject({ valid: false });
  });

  it("after a password reset the stolen password fails; with MFA enforced a password alone is not enough", async () => {
    const reset = await call(sim, token, "PATCH", `/v1.0/users/${MEGAN}`, {
      passwordProfile: { password: "Fresh-Passw0rd-2026!", forceChangePasswordNextSignIn: true },
    });
    expect(reset.status).toBe(204);
    expect((await control(sim, "POST", `${T}/attacker-sign-in`, { upn: MEGAN })).body).toMatchObject({ success: false, errorCode: 50126 });
    expect(
      (await call(sim, token, "PATCH", `/beta/users/${MEGAN}/authentication/requirements`, { perUserMfaState: "enforced" })).status,
    ).toBe(204);
    await catchUp();
    expect((await call(sim, token, "GET", `/beta/users/${MEGAN}/authentication/requirements`)).body!.perUserMfaState).toBe("enforced");
    expect((await control(sim, "POST", `${T}/attacker-sign-in`, { upn: MEGAN, password: "Fresh-Passw0rd-2026!" })).body).toMatchObject({
      errorCode: 50074,
    });
    const bad = await call(sim, token, "PATCH", `/beta/users/${MEGAN}/authentication/requirements`, { perUserMfaState: "sometimes" });
    expect(bad.status).toBe(400);
  });

  it("removes an inbox rule, an authentication method and a consent; confirms the user compromised", async () => {
    const rules = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}/mailFolders/inbox/messageRules`)).body!.value;
    expect((await call(sim, token, "DELETE", `/v1.0/users/${MEGAN}/mailFolders/inbox/messageRules/${rules[0].id}`)).status).toBe(204);
    expect((await call(sim, token, "DELETE", `/v1.0/users/${MEGAN}/mailFolders/inbox/messageRules/${rules[0].id}`)).status).toBe(404);
    await catchUp();
    expect((await call(sim, token, "GET", `/v1.0/users/${MEGAN}/mailFolders/inbox/messageRules`)).body!.value).toHaveLength(
      rules.length - 1,
    );

    // Megan's only MFA method is the attacker's phone, hence her default: make Authenticator the default first.
    await control(sim, "POST", `${T}/users/${MEGAN}/register-method`, { kind: "microsoftAuthenticator" });
    await catchUp();
    expect(
      (
        await call(sim, token, "PATCH", `/beta/users/${MEGAN}/authentication/signInPreferences`, {
          userPreferredMethodForSecondaryAuthentication: "push",
        })
      ).status,
    ).toBe(204);
    const phone = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}/authentication/methods`)).body!.value.find(
      (m: { phoneType?: string }) => m.phoneType,
    );
    expect((await call(sim, token, "DELETE", `/v1.0/users/${MEGAN}/authentication/phoneMethods/${phone.id}`)).status).toBe(204);
    await catchUp();
    const kinds = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}/authentication/methods`)).body!.value.map(
      (m: { "@odata.type": string }) => m["@odata.type"],
    );
    expect(kinds.sort()).toEqual([
      "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
      "#microsoft.graph.passwordAuthenticationMethod",
    ]);

    const megan = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!;
    const grant = (await call(sim, token, "GET", `/v1.0/oauth2PermissionGrants?$filter=principalId eq '${megan.id}'`)).body!.value[0];
    expect((await call(sim, token, "DELETE", `/v1.0/oauth2PermissionGrants/${grant.id}`)).status).toBe(204);
    await catchUp();
    expect((await call(sim, token, "GET", `/v1.0/oauth2PermissionGrants?$filter=principalId eq '${megan.id}'`)).body!.value).toEqual([]);

    expect((await call(sim, token, "POST", "/v1.0/identityProtection/riskyUsers/confirmCompromised", { userIds: [megan.id] })).status).toBe(
      204,
    );
    await catchUp();
    expect((await call(sim, token, "GET", `/v1.0/identityProtection/riskyUsers/${megan.id}`)).body!).toMatchObject({
      riskState: "confirmedCompromised",
      isProcessing: false,
    });
  });

  it("moves message-trace statuses from gettingStatus/pending to delivered or failed over time", async () => {
    const statuses = async () =>
      new Set(
        (
          (
            await call(
              sim,
              token,
              "GET",
              `/v1.0/admin/exchange/tracing/messageTraces?$filter=senderAddress eq 'megan.bowen@contoso.example'&$top=5000`,
            )
          ).body!.value as { status: string }[]
        ).map((r) => r.status),
      );
    expect([...(await statuses())]).toEqual(expect.arrayContaining(["gettingStatus", "pending", "delivered"]));
    await control(sim, "POST", "/advance-time", { ms: 4 * 3_600_000 });
    const later = await statuses();
    expect(later.has("gettingStatus") || later.has("pending")).toBe(false);
    expect([...later].sort()).toEqual(["delivered", "failed"]);
  });

  it("builds the same scenario from the same seed", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    const strip = (seed: number) => JSON.stringify([...buildWorld(seed, now).tenants.values()]);
    expect(strip(1042)).toBe(strip(1042));
    expect(strip(1042)).not.toBe(strip(7));
  });
});
