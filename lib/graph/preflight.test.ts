import { describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTenantGraph } from "./client";
import { runPreflight, summarisePreflight, type PreflightRow } from "./preflight";

describe("connection pre-flight", () => {
  const sim = setUpTestSimulator();
  const graph = (d: DemoTenant, secret = d.clientSecret) =>
    createTenantGraph({
      tenantId: d.tenantId,
      clientId: d.clientId,
      clientSecret: secret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 1 },
    });
  const byOp = (rows: PreflightRow[]) => Object.fromEntries(rows.map((r) => [r.op, r]));

  it("shows every operation available on a fully granted tenant, including P2, beta MFA and the reset role", async () => {
    const { connected, rows } = await runPreflight(graph(CONTOSO));
    expect(connected).toBe(true);
    expect(rows.filter((r) => !r.granted).map((r) => r.op)).toEqual([]);
    expect(rows.filter((r) => r.probe?.ok === false)).toEqual([]);
    const ops = byOp(rows);
    expect(ops.getRiskyUser!.probe).toEqual({ ok: true, message: "Works" });
    expect(ops.getMfaState!.probe).toEqual({ ok: true, message: "Works" });
    // The role is read from the app's memberOf (Graph shows it; reset-role.test.ts covers when it does not).
    expect(ops.resetPassword!.probe).toEqual({ ok: true, message: "The app's service principal holds User Administrator" });
    // Every read is probed (the roles and the consented app too); writes are never tried.
    expect(rows.filter((r) => !r.write).map((r) => [r.op, r.probe?.ok])).toEqual(rows.filter((r) => !r.write).map((r) => [r.op, true]));
    expect(rows.filter((r) => r.write && r.op !== "resetPassword").every((r) => r.probe === null)).toBe(true);
    expect(ops.setAccountEnabled!.title).toBe("Block or allow sign-in");
    expect(summarisePreflight(rows)).toEqual({
      total: rows.length,
      available: rows.length,
      unverified: 0,
      missingPermission: 0,
      failing: 0,
    });
  });

  it("names the missing permission, licences and message-trace principal before anyone clicks", async () => {
    const ops = byOp((await runPreflight(graph(FABRIKAM))).rows);
    expect(ops.revokeSessions!.granted).toBe(false);
    expect(ops.listSignIns!.probe).toMatchObject({ ok: false, message: expect.stringContaining("Entra ID P1 licence") });
    expect(ops.getRiskyUser!.probe).toMatchObject({ ok: false, message: expect.stringContaining("Entra ID P2 licence") });
    expect(ops.listMessageTraces!.probe).toMatchObject({ ok: false, message: expect.stringContaining("Message trace is not enabled") });
    expect(ops.getMfaState!.probe).toMatchObject({ ok: true });
    expect(ops.resetPassword!.probe).toMatchObject({ ok: true });
    expect(ops.getUser!.probe).toMatchObject({ ok: true });
    expect(ops.listMessageTraces!.needs).toBe("the message trace API's service principal (app 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373)");
    expect(ops.listSignIns!.needs).toBe("an Entra ID P1 licence");
  });

  it("does not count a write as available when the licence it needs is missing", async () => {
    const rows = (await runPreflight(graph(FABRIKAM))).rows;
    const ops = byOp(rows);
    expect(ops.confirmCompromised!).toMatchObject({
      granted: true,
      available: false,
      probe: { ok: false, message: expect.stringContaining("Needs an Entra ID P2 licence: read the user's risk already failed") },
    });
    expect(ops.revokeSessions!.available).toBe(false);
    expect(ops.setAccountEnabled!.available).toBe(true);
    const unavailable = rows
      .filter((r) => !r.available)
      .map((r) => r.op)
      .sort();
    expect(unavailable).toEqual([
      "confirmCompromised",
      "getRiskyUser",
      "listMessageTraces",
      "listRegistrationDetails",
      "listRiskDetections",
      "listSignIns",
      "revokeSessions",
    ]);
    expect(summarisePreflight(rows)).toMatchObject({ available: rows.length - 7, missingPermission: 1, failing: 6 });
  });

  it("reports a wrong secret as a credentials problem to fix in Admin → Tenants", async () => {
    expect(await runPreflight(graph(CONTOSO, "wrong"))).toMatchObject({
      connected: false,
      error: expect.stringMatching(/client secret is wrong or has expired.*Admin → Tenants/),
    });
  });
});
