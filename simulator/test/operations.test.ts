import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FABRIKAM } from "../demo-tenants";
import { call, expectConformingResponses, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

const MEGAN = "megan@contoso.example";

describe("simulator operations", () => {
  const sim = setUpCheckedSimulator();
  let token: string;
  let fabrikamToken: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
    fabrikamToken = await tokenFor(sim, FABRIKAM);
  });
  beforeEach(() => sim.reset());
  afterEach(() => expectConformingResponses(sim));
  const get = (url: string, t = token) => call(sim, t, "GET", url);

  it("lists and reads users with $filter, $select, $top and absolute nextLinks", async () => {
    const page = await get("/v1.0/users?$top=3&$select=userPrincipalName");
    expect(page.body!.value).toHaveLength(3);
    expect(Object.keys(page.body!.value[0]).sort()).toEqual(["id", "userPrincipalName"]);
    expect(page.body!["@odata.nextLink"]).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/users\?/);
    const next = await get(page.body!["@odata.nextLink"]);
    expect(next.status).toBe(200);
    expect(next.body!.value[0].userPrincipalName).not.toBe(page.body!.value[0].userPrincipalName);
    const filtered = await get("/v1.0/users?$filter=startswith(userPrincipalName,'meg')");
    expect(filtered.body!.value.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toEqual([MEGAN]);
    const byId = await get(`/v1.0/users/${filtered.body!.value[0].id}`);
    expect(byId.body!.userPrincipalName).toBe(MEGAN);
    const missing = await get("/v1.0/users/nobody@contoso.example");
    expect(missing.status).toBe(404);
    expect(missing.body!.error.code).toBe("Request_ResourceNotFound");
  });

  it("reads the seed's evidence: sign-ins from abroad, hiding rules, attacker phone, consent, risk, alerts", async () => {
    const megan = (await get(`/v1.0/users/${MEGAN}`)).body!;
    const signIns = await get(`/v1.0/auditLogs/signIns?$filter=userId eq '${megan.id}'`);
    const countries = new Set(signIns.body!.value.map((s: { location: { countryOrRegion: string } }) => s.location.countryOrRegion));
    expect([...countries].sort()).toEqual(["NG", "US"]);
    expect(signIns.body!.value.some((s: { clientAppUsed: string }) => s.clientAppUsed === "IMAP4")).toBe(true);
    const rules = (await get(`/v1.0/users/${MEGAN}/mailFolders/inbox/messageRules`)).body!.value;
    expect(rules.map((r: { actions: Record<string, unknown> }) => r.actions)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ moveToFolder: expect.stringMatching(/^AAMkAD/) }),
        expect.objectContaining({ delete: true }),
      ]),
    );
    // moveToFolder is a folder id; the folder says its name.
    const hiding = rules.find((r: { actions: { moveToFolder?: string } }) => r.actions.moveToFolder);
    expect((await get(`/v1.0/users/${MEGAN}/mailFolders/${hiding.actions.moveToFolder}`)).body!.displayName).toBe("RSS Subscriptions");
    const methods = (await get(`/v1.0/users/${MEGAN}/authentication/methods`)).body!.value;
    expect(methods.find((m: { "@odata.type": string }) => m["@odata.type"] === "#microsoft.graph.phoneAuthenticationMethod")).toMatchObject(
      { phoneType: "mobile" },
    );
    const grants = (await get(`/v1.0/oauth2PermissionGrants?$filter=principalId eq '${megan.id}'`)).body!.value;
    expect(grants[0]).toMatchObject({ consentType: "Principal", scope: expect.stringContaining("Mail.Send") });
    expect((await get(`/v1.0/servicePrincipals/${grants[0].clientId}`)).body!.displayName).toBe("Mail Helper Pro");
    expect((await get(`/v1.0/identityProtection/riskyUsers/${megan.id}`)).body!).toMatchObject({ riskState: "atRisk", riskLevel: "high" });
    const alerts = (await get("/v1.0/security/alerts_v2")).body!.value.map((a: { title: string }) => a.title);
    expect(alerts).toContain("User restricted from sending email");
    expect((await get("/v1.0/security/incidents?$expand=alerts")).body!.value[0].alerts.length).toBeGreaterThan(0);
    const audits = (await get("/v1.0/auditLogs/directoryAudits?$filter=initiatedBy/user/id eq '" + megan.id + "'")).body!.value;
    expect(audits.map((a: { activityDisplayName: string }) => a.activityDisplayName)).toContain("User registered security info");
    const mfa = (await get(`/beta/users/${MEGAN}/authentication/requirements`)).body!;
    expect(mfa.perUserMfaState).toBe("disabled");
  });

  it("traces several hundred messages to gmail.com, some still gettingStatus or pending, with per-recipient details", async () => {
    const traces = await get(`/v1.0/admin/exchange/tracing/messageTraces?$filter=senderAddress eq 'megan.bowen@contoso.example'&$top=5000`);
    const rows = traces.body!.value as { id: string; recipientAddress: string; status: string }[];
    const gmail = rows.filter((r) => r.recipientAddress.endsWith("@gmail.com"));
    expect(gmail.length).toBeGreaterThanOrEqual(300);
    expect(gmail.some((r) => r.status === "gettingStatus")).toBe(true);
    expect(gmail.some((r) => r.status === "pending")).toBe(true);
    expect(new Set(rows.map((r) => r.recipientAddress.split("@")[1])).size).toBeGreaterThanOrEqual(4);
    const one = gmail[0]!;
    const details = await get(
      `/v1.0/admin/exchange/tracing/messageTraces/${one.id}/getDetailsByRecipient(recipientAddress='${one.recipientAddress}')`,
    );
    expect(details.status).toBe(200);
    expect(details.body!.value[0].event).toBe("Receive");
  });

  it("sends mail from a mailbox and reports the MFA registration gaps", async () => {
    const sent = await call(sim, token, "POST", "/v1.0/users/security@contoso.example/sendMail", {
      message: {
        subject: "Advisory",
        body: { contentType: "Text", content: "Block mail from megan@contoso.example" },
        toRecipients: [{ emailAddress: { address: "postmaster@gmail.com" } }],
      },
    });
    expect(sent.status).toBe(202);
    const unregistered = (await get("/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=isMfaRegistered eq false")).body!
      .value;
    expect(unregistered.map((r: { userPrincipalName: string }) => r.userPrincipalName)).toContain("grady@contoso.example");
    // Megan counts as registered: with the attacker's phone, which is exactly what to look for.
    const megan = (await get(`/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=userPrincipalName eq '${MEGAN}'`)).body!
      .value[0];
    expect(megan).toMatchObject({ isMfaRegistered: true, methodsRegistered: ["mobilePhone"] });
    expect((await call(sim, null, "GET", "/_control/tenants/2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a01/outbox")).body).toEqual([
      expect.objectContaining({ from: "security@contoso.example", to: ["postmaster@gmail.com"], subject: "Advisory" }),
    ]);
  });

  it("answers 403 for a missing permission and for a missing licence, 401 without the message-trace service principal", async () => {
    const revoke = await call(sim, fabrikamToken, "POST", "/v1.0/users/lidia@fabrikam.example/revokeSignInSessions", {});
    expect(revoke.status).toBe(403);
    expect(revoke.body!.error.code).toBe("Authorization_RequestDenied");
    const signIns = await get("/v1.0/auditLogs/signIns", fabrikamToken);
    expect(signIns.status).toBe(403);
    expect(signIns.body!.error.code).toBe("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
    expect((await get("/v1.0/reports/authenticationMethods/userRegistrationDetails", fabrikamToken)).status).toBe(403);
    const trace = await get("/v1.0/admin/exchange/tracing/messageTraces", fabrikamToken);
    expect(trace.status).toBe(401);
    // A Contoso token never sees Fabrikam's users.
    expect((await get("/v1.0/users/lidia@fabrikam.example")).status).toBe(404);
  });

  it("refuses a password reset when the app lacks the User Administrator role", async () => {
    await call(sim, null, "POST", "/_control/tenants/2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a01/settings", { directoryRoles: [] });
    const reset = await call(sim, token, "PATCH", `/v1.0/users/${MEGAN}`, {
      passwordProfile: { password: "N3w-Passw0rd!!", forceChangePasswordNextSignIn: true },
    });
    expect(reset.status).toBe(403);
    expect(reset.body!.error.code).toBe("Authorization_RequestDenied");
  });
});
