import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { getMfaState, resetPassword, revokeSessions, setAccountEnabled, setMfaState } from "./account";
import { deleteAuthMethod, getSignInPreferences, listAuthMethods } from "./auth-methods";
import { createTenantGraph, type TenantGraph } from "./client";
import { deleteConsent, getConsent, listUserConsents } from "./consents";
import { listDirectoryAudits, listPasswordResets, listSignIns } from "./logs";
import { sendMail } from "./mail";
import { deleteInboxRule, listInboxRules } from "./mailbox";
import { listMessageTraces } from "./message-trace";
import { listUserRegistrationDetails } from "./registration";
import { confirmCompromised, getRiskyUser } from "./risk";
import { getUser, listUserRoles } from "./users";

// The gateway against the tenant simulator over its real protocol, with the real SDK, and the
// simulator refusing any request body that breaks Graph's published schema.
const MEGAN = "megan@contoso.example";
const DAY = 86_400_000;

describe("Graph gateway", () => {
  const sim = setUpTestSimulator({ validateRequests: true });
  const graphFor = (t: DemoTenant = CONTOSO, extra: { timeoutMs?: number } = {}): TenantGraph =>
    createTenantGraph({
      tenantId: t.tenantId,
      clientId: t.clientId,
      clientSecret: t.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 3, delaySeconds: 1 },
      ...extra,
    });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    expect(sim.contractViolations).toEqual([]);
  });

  it("reads the user, roles, evidence and reports as our own types", async () => {
    const g = graphFor();
    const megan = (await getUser(g, MEGAN))!;
    expect(megan).toMatchObject({ userPrincipalName: MEGAN, accountEnabled: true });
    expect(await getUser(g, "nobody@contoso.example")).toBeNull();
    expect(await listUserRoles(g, "it-admin@contoso.example")).toEqual([{ name: "Global Administrator", via: "active" }]);
    // Through a role-assignable group, and PIM-eligible: neither is a direct membership.
    expect(await listUserRoles(g, "hana@contoso.example")).toEqual([{ name: "Helpdesk Administrator", via: "active" }]);
    expect(await listUserRoles(g, "omar@contoso.example")).toEqual([{ name: "Exchange Administrator", via: "eligible" }]);
    expect(await listUserRoles(g, "adele@contoso.example")).toEqual([]);
    expect(await listUserRoles(g, "nobody@contoso.example")).toBeNull();
    const since = new Date(Date.now() - 30 * DAY);
    expect((await listSignIns(g, megan.id, since)).signIns.some((s) => s.country === "NG")).toBe(true);
    expect((await listDirectoryAudits(g, megan.id, since)).audits.map((a) => a.activity)).toContain("User registered security info");
    // moveToFolder is a folder id; the client reads the folder's name.
    expect((await listInboxRules(g, MEGAN)).rules.map((r) => r.moveToFolderName ?? (r.actions.delete ? "delete" : ""))).toEqual([
      "RSS Subscriptions",
      "delete",
    ]);
    expect((await listAuthMethods(g, MEGAN)).methods.map((m) => m.kind).sort()).toEqual(["password", "phone"]);
    expect((await listUserConsents(g, megan.id)).consents[0]).toMatchObject({ appName: "Mail Helper Pro", consentType: "Principal" });
    expect((await getRiskyUser(g, megan.id)).risk).toMatchObject({ riskState: "atRisk" });
    // Exchange traces Megan's primary SMTP address, which is not her UPN.
    expect(megan.mail).toBe("megan.bowen@contoso.example");
    const { traces, requestIds, truncated } = await listMessageTraces(g, {
      senderAddress: megan.mail!,
      startDate: new Date(Date.now() - 2 * DAY),
      endDate: new Date(),
    });
    expect(traces.filter((t) => t.recipientAddress.endsWith("@gmail.com")).length).toBe(420);
    expect(truncated).toBe(false);
    expect(requestIds.length).toBeGreaterThan(0);
    const { users } = await listUserRegistrationDetails(g);
    expect(users.filter((u) => !u.isMfaRegistered).map((u) => u.userPrincipalName)).toContain("grady@contoso.example");
  });

  it("performs every write and the state changes, once Graph's reads catch up", async () => {
    const g = graphFor();
    const megan = (await getUser(g, MEGAN))!;
    const before = new Date(Date.now() - 1_000);
    const catchUp = (ms = 10_000) => control(sim, "POST", "/advance-time", { ms });
    expect((await resetPassword(g, megan.id, "Str0ng-Generated-Passw0rd!")).requestId).toMatch(/-/);
    // Passwords cannot be read back; the directory audit records the reset (by object id or UPN), minutes later.
    await catchUp(4 * 60_000);
    expect((await listPasswordResets(g, megan.id, before)).resets).toHaveLength(1);
    expect((await listPasswordResets(g, MEGAN, before)).resets).toHaveLength(1);
    expect((await listPasswordResets(g, "adele@contoso.example", before)).resets).toHaveLength(0);
    await setAccountEnabled(g, megan.id, false);
    await revokeSessions(g, megan.id);
    await setMfaState(g, megan.id, "enforced");
    await catchUp();
    expect((await getMfaState(g, megan.id)).state).toBe("enforced");
    expect((await getUser(g, megan.id))!.accountEnabled).toBe(false);
    const rule = (await listInboxRules(g, megan.id)).rules[0]!;
    await deleteInboxRule(g, megan.id, rule.id);
    await catchUp();
    expect((await listInboxRules(g, megan.id)).rules.map((r) => r.id)).not.toContain(rule.id);
    // The attacker's phone is Megan's only (so default) method: Graph refuses to delete it.
    const phone = (await listAuthMethods(g, megan.id)).methods.find((m) => m.kind === "phone")!;
    expect(phone.createdAt).toBeNull(); // Graph gives phone methods no date
    await expect(deleteAuthMethod(g, megan.id, phone)).rejects.toMatchObject({ details: { graphStatus: 400 } });
    expect((await getSignInPreferences(g, megan.id)).userPreferred).toBe("sms");
    const consent = (await listUserConsents(g, megan.id)).consents[0]!;
    expect((await getConsent(g, consent.id)).grant).toMatchObject({ id: consent.id, principalId: megan.id });
    await deleteConsent(g, consent.id);
    await catchUp();
    expect((await getConsent(g, consent.id)).grant).toBeNull();
    await confirmCompromised(g, megan.id);
    await catchUp();
    expect((await getRiskyUser(g, megan.id)).risk).toMatchObject({ riskState: "confirmedCompromised", processing: false });
    await sendMail(g, {
      from: "security@contoso.example",
      to: ["postmaster@gmail.com"],
      subject: "Advisory",
      text: "Block mail from megan@contoso.example",
    });
    const outbox = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/outbox`)).body as unknown as { from: string }[];
    expect(outbox.map((m) => m.from)).toEqual(["security@contoso.example"]);
  });

  it("names the missing permission, the missing licence and the missing message-trace principal", async () => {
    const g = graphFor(FABRIKAM);
    const lidia = (await getUser(g, "lidia@fabrikam.example"))!;
    await expect(revokeSessions(g, lidia.id)).rejects.toMatchObject({
      code: "UPSTREAM_ERROR",
      message: expect.stringContaining("User.RevokeSessions.All"),
    });
    await expect(listSignIns(g, lidia.id, new Date(Date.now() - DAY))).rejects.toMatchObject({
      message: expect.stringContaining("Entra ID P1 licence"),
    });
    // The sign-in log needs two permissions, and says so when either is missing.
    await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/settings`, { permissions: ["AuditLog.Read.All", "User.Read.All"] });
    await expect(listSignIns(graphFor(), "megan@contoso.example", new Date(Date.now() - DAY))).rejects.toMatchObject({
      message: expect.stringContaining("application permissions AuditLog.Read.All and Directory.Read.All"),
    });
    await expect(
      listMessageTraces(g, { senderAddress: "lidia@fabrikam.example", startDate: new Date(Date.now() - DAY), endDate: new Date() }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("8bd644d1-64a1-4d4b-ae52-2e0cbf64e373"),
    });
  });
});
