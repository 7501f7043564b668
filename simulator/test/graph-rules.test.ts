import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM } from "../demo-tenants";
import { call, control, expectConformingResponses, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

// Graph's rules the simulator plays on purpose, so a client that assumes otherwise fails a test:
// eventual consistency (rules.ts), and the refusals real tenants answer (simulator/README.md).

const MEGAN = "megan@contoso.example";
const T = `/tenants/${CONTOSO.tenantId}`;
const SECOND = 1_000;
const LAG = 30 * SECOND;
const PROCESSING = 40 * SECOND;

describe("simulator: Graph's rules", () => {
  // Fixed, long times moved past with the simulator clock, so "not yet" and "now" are certain
  // however slow the machine; the default lag is random within 1–4 s.
  const lag: [number, number] = [LAG, LAG];
  const sim = setUpCheckedSimulator({
    rules: {
      readLagMs: { user: lag, mfa: lag, methods: lag, signInPreferences: lag, rules: lag, grants: lag },
      auditLatencyMs: [90 * SECOND, 90 * SECOND],
      riskProcessingMs: [PROCESSING, PROCESSING],
    },
  });
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
  });
  beforeEach(() => sim.reset());
  afterEach(() => expectConformingResponses(sim));
  const get = (url: string, t = token) => call(sim, t, "GET", url);
  const advance = (ms: number) => control(sim, "POST", "/advance-time", { ms });
  const meganId = async () => (await get(`/v1.0/users/${MEGAN}`)).body!.id as string;

  it("lags reads behind accepted writes, per resource, until the replica catches up", async () => {
    expect((await call(sim, token, "PATCH", `/v1.0/users/${MEGAN}`, { accountEnabled: false })).status).toBe(204);
    expect(
      (await call(sim, token, "PATCH", `/beta/users/${MEGAN}/authentication/requirements`, { perUserMfaState: "enforced" })).status,
    ).toBe(204);
    expect((await get(`/v1.0/users/${MEGAN}`)).body!.accountEnabled).toBe(true);
    expect((await get(`/beta/users/${MEGAN}/authentication/requirements`)).body!.perUserMfaState).toBe("disabled");
    // The write itself is in force at once: the attacker meets it.
    expect((await control(sim, "POST", `${T}/attacker-sign-in`, { upn: MEGAN })).body).toMatchObject({ errorCode: 50057 });
    await advance(LAG + 10);
    expect((await get(`/v1.0/users/${MEGAN}`)).body!.accountEnabled).toBe(false);
    expect((await get(`/beta/users/${MEGAN}/authentication/requirements`)).body!.perUserMfaState).toBe("enforced");
  });

  it("moves lastPasswordChangeDateTime on an admin reset (our reading), lagged; the audit entry comes minutes later", async () => {
    const before = (await get(`/v1.0/users/${MEGAN}?$select=lastPasswordChangeDateTime`)).body!.lastPasswordChangeDateTime;
    expect(
      (
        await call(sim, token, "PATCH", `/v1.0/users/${MEGAN}`, {
          passwordProfile: { password: "Fresh-Passw0rd-2026!", forceChangePasswordNextSignIn: true },
        })
      ).status,
    ).toBe(204);
    const resets = async () =>
      (await get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Reset user password'")).body!.value;
    expect((await get(`/v1.0/users/${MEGAN}?$select=lastPasswordChangeDateTime`)).body!.lastPasswordChangeDateTime).toBe(before);
    await advance(LAG + 10);
    expect((await get(`/v1.0/users/${MEGAN}?$select=lastPasswordChangeDateTime`)).body!.lastPasswordChangeDateTime).not.toBe(before);
    expect(await resets()).toEqual([]);
    await advance(90 * SECOND - LAG);
    expect(await resets()).toHaveLength(1);
    // The other reading: an admin reset leaves the date alone; only the audit shows it.
    sim.configure({ rules: { adminResetMovesLastPasswordChange: false } });
    const now = (await get(`/v1.0/users/${MEGAN}?$select=lastPasswordChangeDateTime`)).body!.lastPasswordChangeDateTime;
    await call(sim, token, "PATCH", `/v1.0/users/${MEGAN}`, { passwordProfile: { password: "Other-Passw0rd-2026!" } });
    await advance(LAG + 10);
    expect((await get(`/v1.0/users/${MEGAN}?$select=lastPasswordChangeDateTime`)).body!.lastPasswordChangeDateTime).toBe(now);
  });

  it("processes confirmCompromised asynchronously: isProcessing, the old state, then the new one", async () => {
    const id = await meganId();
    expect((await call(sim, token, "POST", "/v1.0/identityProtection/riskyUsers/confirmCompromised", { userIds: [id] })).status).toBe(204);
    await advance(1_100); // Identity Protection's 1 request/s
    expect((await get(`/v1.0/identityProtection/riskyUsers/${id}`)).body).toMatchObject({ isProcessing: true, riskState: "atRisk" });
    await advance(PROCESSING);
    expect((await get(`/v1.0/identityProtection/riskyUsers/${id}`)).body).toMatchObject({
      isProcessing: false,
      riskState: "confirmedCompromised",
    });
    // …and answers a second request within the second with 429, no Retry-After.
    const throttled = await get(`/v1.0/identityProtection/riskyUsers/${id}`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBeNull();
  });

  it("refuses to delete the phone that is the default MFA method, until another method is the default", async () => {
    const phone = "3179e48a-750b-4051-897c-87b9720928f7";
    const refused = await call(sim, token, "DELETE", `/v1.0/users/${MEGAN}/authentication/phoneMethods/${phone}`);
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: "badRequest", message: expect.stringMatching(/default multifactor authentication method/) } },
    });
    expect((await get(`/beta/users/${MEGAN}/authentication/signInPreferences`)).body).toMatchObject({
      userPreferredMethodForSecondaryAuthentication: "sms",
    });
    // A default can only be a method the user has.
    expect(
      (
        await call(sim, token, "PATCH", `/beta/users/${MEGAN}/authentication/signInPreferences`, {
          userPreferredMethodForSecondaryAuthentication: "push",
        })
      ).status,
    ).toBe(400);
    await control(sim, "POST", `${T}/users/${MEGAN}/register-method`, { kind: "microsoftAuthenticator" });
    expect(
      (
        await call(sim, token, "PATCH", `/beta/users/${MEGAN}/authentication/signInPreferences`, {
          userPreferredMethodForSecondaryAuthentication: "push",
        })
      ).status,
    ).toBe(204);
    // The refusal is judged on the tenant's state, not on what a lagging read shows.
    expect((await get(`/beta/users/${MEGAN}/authentication/signInPreferences`)).body!.userPreferredMethodForSecondaryAuthentication).toBe(
      "sms",
    );
    expect((await call(sim, token, "DELETE", `/v1.0/users/${MEGAN}/authentication/phoneMethods/${phone}`)).status).toBe(204);
  });

  it("gives phone methods no createdDateTime, as the published schema declares none for them", async () => {
    const phone = (await get(`/v1.0/users/${MEGAN}/authentication/methods`)).body!.value.find((m: { "@odata.type": string }) =>
      m["@odata.type"].includes("phone"),
    );
    expect(phone).toBeDefined();
    expect(phone).not.toHaveProperty("createdDateTime");
  });

  it("lists a read-only inbox rule with empty conditions and actions, and refuses to delete it", async () => {
    const fabrikam = await tokenFor(sim, FABRIKAM);
    const rules = (await get("/v1.0/users/lidia@fabrikam.example/mailFolders/inbox/messageRules", fabrikam)).body!.value as {
      id: string;
      isReadOnly: boolean;
      conditions: object;
      actions: object;
    }[];
    const readOnly = rules.find((r) => r.isReadOnly)!;
    expect(readOnly).toMatchObject({ conditions: {}, actions: {} });
    const res = await call(sim, fabrikam, "DELETE", `/v1.0/users/lidia@fabrikam.example/mailFolders/inbox/messageRules/${readOnly.id}`);
    expect(res.status).toBe(400);
    expect(
      (await control(sim, "POST", `/tenants/${FABRIKAM.tenantId}/users/lidia@fabrikam.example/remove-rule`, { ruleId: readOnly.id }))
        .status,
    ).toBe(204);
  });

  it("finds users by id or UPN only, never by their primary SMTP address, which can differ", async () => {
    const megan = (await get(`/v1.0/users/${MEGAN}`)).body!;
    expect(megan.mail).toBe("megan.bowen@contoso.example");
    expect((await get("/v1.0/users/megan.bowen@contoso.example")).status).toBe(404);
  });

  it("shows roles held through a group only transitively, and PIM-eligible roles only as eligibilities", async () => {
    const names = (rows: { displayName?: string; "@odata.type": string }[]) =>
      rows.filter((r) => r["@odata.type"] === "#microsoft.graph.directoryRole").map((r) => r.displayName);
    expect(names((await get("/v1.0/users/hana@contoso.example/memberOf")).body!.value)).toEqual([]);
    expect(names((await get("/v1.0/users/hana@contoso.example/transitiveMemberOf")).body!.value)).toEqual(["Helpdesk Administrator"]);
    const omar = (await get("/v1.0/users/omar@contoso.example")).body!.id;
    expect(names((await get("/v1.0/users/omar@contoso.example/transitiveMemberOf")).body!.value)).toEqual([]);
    const eligible = (await get(`/v1.0/roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '${omar}'`)).body!
      .value;
    expect(eligible).toEqual([expect.objectContaining({ principalId: omar, roleDefinitionId: "29232cdf-9323-42fd-ade2-1d097af3e4de" })]);
  });

  it("refuses to block or reset a privileged user unless the app holds a higher role than User Administrator", async () => {
    await control(sim, "POST", `${T}/settings`, { directoryRoles: ["User Administrator"] });
    for (const upn of ["hana@contoso.example", "omar@contoso.example", "it-admin@contoso.example"]) {
      expect((await call(sim, token, "PATCH", `/v1.0/users/${upn}`, { accountEnabled: false })).status, upn).toBe(403);
      expect(
        (await call(sim, token, "PATCH", `/v1.0/users/${upn}`, { passwordProfile: { password: "N3w-Passw0rd!!" } })).body!.error.code,
        upn,
      ).toBe("Authorization_RequestDenied");
    }
    expect((await call(sim, token, "PATCH", "/v1.0/users/adele@contoso.example", { accountEnabled: false })).status).toBe(204);
    await control(sim, "POST", `${T}/settings`, { directoryRoles: ["Privileged Authentication Administrator"] });
    expect((await call(sim, token, "PATCH", "/v1.0/users/hana@contoso.example", { accountEnabled: false })).status).toBe(204);
  });

  it("reads a grant by id; a $filter on id is not a documented filter", async () => {
    const grants = (await get(`/v1.0/oauth2PermissionGrants?$filter=principalId eq '${await meganId()}'`)).body!.value;
    expect((await get(`/v1.0/oauth2PermissionGrants/${grants[0].id}`)).body).toMatchObject({ id: grants[0].id, consentType: "Principal" });
    const byFilter = await get(`/v1.0/oauth2PermissionGrants?$filter=id eq '${grants[0].id}'`);
    expect(byFilter).toMatchObject({ status: 400, body: { error: { code: "Request_UnsupportedQuery" } } });
  });

  it("supports only $filter and $orderBy on registration details", async () => {
    expect((await get("/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=1")).status).toBe(400);
    expect((await get("/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=isAdmin eq true")).status).toBe(200);
  });

  it("needs both AuditLog.Read.All and Directory.Read.All for the sign-in log", async () => {
    await control(sim, "POST", `${T}/settings`, { permissions: ["AuditLog.Read.All", "User.Read.All"] });
    const signIns = await get("/v1.0/auditLogs/signIns", await tokenFor(sim));
    expect(signIns).toMatchObject({ status: 403, body: { error: { code: "Authorization_RequestDenied" } } });
  });

  it("scopes Mail.Send to the mailboxes Exchange allows, with the same 403 as a missing permission", async () => {
    await control(sim, "POST", `${T}/settings`, { mailSendScope: ["alerts@contoso.example"] });
    const message = {
      message: {
        subject: "Advisory",
        body: { contentType: "Text", content: "x" },
        toRecipients: [{ emailAddress: { address: "a@gmail.com" } }],
      },
    };
    const refused = await call(sim, token, "POST", "/v1.0/users/security@contoso.example/sendMail", message);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "ErrorAccessDenied" } } });
    await control(sim, "POST", `${T}/settings`, { permissions: ["User.Read.All"] });
    const missing = await call(sim, await tokenFor(sim), "POST", "/v1.0/users/security@contoso.example/sendMail", message);
    expect(missing).toMatchObject({ status: 403, body: { error: { code: "ErrorAccessDenied" } } });
  });

  it("the fast profile turns the timing off (unit tests about something else), never the refusals", async () => {
    sim.configure({ rules: "fast" });
    await call(sim, token, "PATCH", `/v1.0/users/${MEGAN}`, { accountEnabled: false });
    expect((await get(`/v1.0/users/${MEGAN}`)).body!.accountEnabled).toBe(false);
    expect(
      (await call(sim, token, "DELETE", `/v1.0/users/${MEGAN}/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7`)).status,
    ).toBe(400);
  });
});
