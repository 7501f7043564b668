import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM } from "../demo-tenants";
import { buildWorld, generateCompromisedUsers } from "../scenario/build";
import { call, control, expectConformingResponses, startCheckedSimulator, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

// N compromised users for bulk tests and benchmarks: each attacked like the seed's user,
// distinct across calls, and the same for the same seed.

type Added = { users: { id: string; userPrincipalName: string }[]; total: number };
const T = `/tenants/${CONTOSO.tenantId}`;

describe("generator of compromised users", () => {
  const sim = setUpCheckedSimulator({ rules: "fast" });
  let token: string;
  beforeAll(async () => {
    // About the generator, not Graph's timing: the fast profile (no lag, no Identity Protection quota).
    token = await tokenFor(sim);
  });
  beforeEach(() => sim.reset());
  afterEach(() => expectConformingResponses(sim));

  const add = async (count: number, seed?: number) => {
    const res = await control(sim, "POST", `${T}/compromised-users`, { count, seed });
    expect(res.status).toBe(201);
    return res.body as unknown as Added;
  };
  const get = (url: string) => call(sim, token, "GET", url);

  it("adds N users, each with the attack's traits, readable over Graph", async () => {
    const { users } = await add(3, 11);
    expect(users).toHaveLength(3);
    for (const { id, userPrincipalName: upn } of users) {
      expect((await get(`/v1.0/users/${upn}`)).body).toMatchObject({ id, accountEnabled: true });
      expect((await get(`/beta/users/${upn}/authentication/requirements`)).body!.perUserMfaState).toBe("disabled");
      const signIns = (await get(`/v1.0/auditLogs/signIns?$filter=userId eq '${id}'`)).body!.value as {
        location: { countryOrRegion: string };
        clientAppUsed: string;
      }[];
      expect(new Set(signIns.map((s) => s.location.countryOrRegion))).toEqual(new Set(["US", "NG"]));
      expect(signIns.some((s) => s.clientAppUsed === "IMAP4")).toBe(true);
      const methods = (await get(`/v1.0/users/${upn}/authentication/phoneMethods`)).body!.value;
      expect(methods).toEqual([expect.objectContaining({ phoneType: "mobile", phoneNumber: "+234 803 555 0147" })]);
      const rules = (await get(`/v1.0/users/${upn}/mailFolders/inbox/messageRules`)).body!.value as { actions: Record<string, unknown> }[];
      expect(rules.map((r) => r.actions)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ moveToFolder: expect.stringMatching(/^AAMkAD/) }),
          expect.objectContaining({ delete: true }),
        ]),
      );
      const grants = (await get(`/v1.0/oauth2PermissionGrants?$filter=principalId eq '${id}'`)).body!.value;
      expect(grants).toEqual([expect.objectContaining({ consentType: "Principal", scope: expect.stringContaining("Mail.Send") })]);
      const traces = (await get(`/v1.0/admin/exchange/tracing/messageTraces?$filter=senderAddress eq '${upn}'`)).body!.value as {
        recipientAddress: string;
      }[];
      expect(traces.filter((r) => r.recipientAddress.endsWith("@gmail.com"))).toHaveLength(5);
      expect((await get(`/v1.0/identityProtection/riskyUsers/${id}`)).body).toMatchObject({ riskState: "atRisk", riskLevel: "high" });
    }
    const alerts = (await get("/v1.0/security/alerts_v2")).body!.value as { description: string }[];
    for (const { userPrincipalName } of users) expect(alerts.filter((a) => a.description.includes(userPrincipalName))).toHaveLength(2);
  });

  it("a second call adds N more distinct users (2N in all), also with the same seed", async () => {
    const first = await add(4, 11);
    const second = await add(4, 11);
    expect(second.total).toBe(8);
    const all = [...first.users, ...second.users];
    expect(new Set(all.map((u) => u.userPrincipalName)).size).toBe(8);
    expect(new Set(all.map((u) => u.id)).size).toBe(8);
    const listed = (await get("/v1.0/users?$filter=startswith(userPrincipalName,'bulk.')&$top=50")).body!.value;
    expect(listed).toHaveLength(8);
    // The original endpoint still answers with the UPNs, and keeps counting.
    const legacy = await control(sim, "POST", `${T}/generate-compromised`, { count: 2 });
    expect(legacy.body).toEqual([`bulk.user8@${CONTOSO.primaryDomain}`, `bulk.user9@${CONTOSO.primaryDomain}`]);
  });

  it("the same seed gives the same users; another seed other ones", async () => {
    const ids = async (seed: number) => (sim.reset(), (await add(3, seed)).users.map((u) => u.id));
    const a = await ids(21);
    expect(await ids(21)).toEqual(a);
    expect(await ids(22)).not.toEqual(a);

    const now = new Date("2026-11-24T12:00:00Z");
    const world = (seed: number) => {
      const t = buildWorld(1042, now).tenants.get(CONTOSO.tenantId)!;
      generateCompromisedUsers(t, 5, seed, now);
      generateCompromisedUsers(t, 2, seed, now);
      return JSON.stringify(t);
    };
    expect(world(21)).toBe(world(21));
    expect(world(21)).not.toBe(world(22));
  });

  it("refuses a count that is not a whole number from 1 to 10000", async () => {
    for (const count of [0, -1, 2.5, 10_001, "many"])
      expect((await control(sim, "POST", `${T}/compromised-users`, { count })).status).toBe(400);
  });
});

describe("compromised users from the configuration", () => {
  it("builds them into the scenario at start and again at every reset, for the chosen tenant", async () => {
    const sim = await startCheckedSimulator({ compromisedUsers: { count: 2, seed: 5, tenantId: FABRIKAM.tenantId } });
    try {
      const bulk = async () =>
        ((await control(sim, "GET", `/tenants/${FABRIKAM.tenantId}/users`)).body as unknown as { userPrincipalName: string; id: string }[])
          .filter((u) => u.userPrincipalName.startsWith("bulk."))
          .map((u) => [u.id, u.userPrincipalName]);
      const before = await bulk();
      expect(before.map(([, upn]) => upn)).toEqual([`bulk.user0@${FABRIKAM.primaryDomain}`, `bulk.user1@${FABRIKAM.primaryDomain}`]);
      await control(sim, "POST", "/reset");
      expect(await bulk()).toEqual(before);
      await control(sim, "POST", "/config", { compromisedUsers: { count: 1, seed: 5, tenantId: FABRIKAM.tenantId } });
      await control(sim, "POST", "/reset");
      expect(await bulk()).toHaveLength(1);
      expectConformingResponses(sim);
    } finally {
      await sim.stop();
    }
  });
});
