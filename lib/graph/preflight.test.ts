import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { createTenantGraph } from "./client";
import { runPreflight, type PreflightRow } from "./preflight";

describe("connection pre-flight", () => {
  let sim: RunningSimulator;
  const graph = (d: DemoTenant, secret = d.clientSecret) => createTenantGraph({ tenantId: d.tenantId, clientId: d.clientId, clientSecret: secret, simulatorUrl: sim.url, retry: { maxRetries: 0, delaySeconds: 1 } });
  const byOp = (rows: PreflightRow[]) => Object.fromEntries(rows.map((r) => [r.op, r]));
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.stop());

  it("shows every operation available on a fully granted tenant, including P2, beta MFA and (unverified) the reset role", async () => {
    const { connected, rows } = await runPreflight(graph(CONTOSO));
    expect(connected).toBe(true);
    expect(rows.filter((r) => !r.granted).map((r) => r.op)).toEqual([]);
    expect(rows.filter((r) => r.probe?.ok === false)).toEqual([]);
    const ops = byOp(rows);
    expect(ops.getRiskyUser!.probe).toEqual({ ok: true, message: "Works" });
    expect(ops.getMfaState!.probe).toEqual({ ok: true, message: "Works" });
    // The simulator shows neither `wids` nor the app's memberOf, so the role is never assumed.
    expect(ops.resetPassword!.probe).toMatchObject({ ok: null, message: expect.stringMatching(/^Unverified/) });
  });

  it("names the missing permission, licences and message-trace principal before anyone clicks", async () => {
    const ops = byOp((await runPreflight(graph(FABRIKAM))).rows);
    expect(ops.revokeSessions!.granted).toBe(false);
    expect(ops.listSignIns!.probe).toMatchObject({ ok: false, message: expect.stringContaining("Entra ID P1 licence") });
    expect(ops.getRiskyUser!.probe).toMatchObject({ ok: false, message: expect.stringContaining("Entra ID P2 licence") });
    expect(ops.listMessageTraces!.probe).toMatchObject({ ok: false, message: expect.stringContaining("Message trace is not enabled") });
    expect(ops.getMfaState!.probe).toMatchObject({ ok: true });
    expect(ops.resetPassword!.probe).toMatchObject({ ok: null });
    expect(ops.getUser!.probe).toMatchObject({ ok: true });
  });

  it("reports a wrong secret as a credentials problem to fix in Admin → Tenants", async () => {
    expect(await runPreflight(graph(CONTOSO, "wrong"))).toMatchObject({ connected: false, error: expect.stringMatching(/client secret is wrong or has expired.*Admin → Tenants/) });
  });
});
