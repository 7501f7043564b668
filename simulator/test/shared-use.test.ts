import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTOSO, type DemoTenant } from "../demo-tenants";
import type { RunningSimulator } from "../server";
import { call, control, expectConformingResponses, startCheckedSimulator, tokenFor } from "./support";

// Tests that share one simulator (the end-to-end specs) each take a tenant of their own and aim
// faults and clock moves at it: nothing they do reaches the demo tenants or each other.
describe("tenants of their own, with their own faults and clock", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startCheckedSimulator({ rules: "fast" });
  });
  afterAll(() => sim.stop());

  const addLike = async (like: string) => {
    const res = await control(sim, "POST", "/tenants", { like });
    expect(res.status).toBe(201);
    return res.body as DemoTenant;
  };

  it("copies a demo tenant under new ids, domain and credentials, its seed incident included", async () => {
    const [a, b] = [await addLike("contoso"), await addLike("contoso")];
    expect(a.tenantId).not.toBe(b.tenantId);
    expect(a.primaryDomain).toMatch(/^contoso-[0-9a-f]{8}\.example$/);
    const token = await tokenFor(sim, a);
    const megan = await call(sim, token, "GET", `/v1.0/users/megan@${a.primaryDomain}?$select=id,userPrincipalName,mail`);
    expect(megan.status).toBe(200);
    expect(megan.body!.mail).toBe(`megan.bowen@${a.primaryDomain}`);
    const rules = await call(sim, token, "GET", `/v1.0/users/${megan.body!.id}/mailFolders/inbox/messageRules`);
    expect(rules.body!.value).toHaveLength(2);
    // A copy's token reaches only the copy; the demo's Contoso is untouched.
    expect((await call(sim, token, "GET", `/v1.0/users/megan@${CONTOSO.primaryDomain}`)).status).toBe(404);
    expectConformingResponses(sim);
  });

  it("keeps a Northwind copy's app secret to itself and refuses an unknown kind", async () => {
    const northwind = await addLike("northwind");
    expect(northwind.clientSecret).toBeUndefined();
    expect((await control(sim, "POST", "/tenants", { like: "tailspin" })).status).toBe(400);
  });

  it("faults only the tenant, and only the user, it was aimed at", async () => {
    const [mine, other] = [await addLike("contoso"), await addLike("contoso")];
    const faulted = await control(sim, "POST", `/tenants/${mine.tenantId}/faults`, {
      faults: [{ operation: "revokeSignInSessions", status: 403, times: 1, user: `adele@${mine.primaryDomain}` }],
    });
    expect(faulted.status).toBe(204);
    const revoke = async (t: DemoTenant, alias: string) =>
      (await call(sim, await tokenFor(sim, t), "POST", `/v1.0/users/${alias}@${t.primaryDomain}/revokeSignInSessions`)).status;
    expect(await revoke(other, "adele")).toBe(200);
    expect(await revoke(mine, "megan")).toBe(200);
    expect(await revoke(mine, "adele")).toBe(403);
    expect(await revoke(mine, "adele")).toBe(200); // times: 1
    expect((await control(sim, "POST", `/tenants/${mine.tenantId}/faults`, { faults: [{ status: 403 }] })).status).toBe(400);
  });

  it("moves one tenant's clock without moving the others'", async () => {
    const [mine, other] = [await addLike("fabrikam"), await addLike("fabrikam")];
    const before = Date.now();
    const moved = await control(sim, "POST", `/tenants/${mine.tenantId}/advance-time`, { ms: 3_600_000 });
    expect(new Date(moved.body!.now).getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    const raise = async (t: DemoTenant) =>
      new Date((await control(sim, "POST", `/tenants/${t.tenantId}/alerts`, { upn: `diego@${t.primaryDomain}` })).body!.createdDateTime);
    expect((await raise(mine)).getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    expect((await raise(other)).getTime()).toBeLessThan(before + 3_600_000);
  });
});
