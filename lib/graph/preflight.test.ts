import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { createTenantGraph } from "./client";
import { runPreflight } from "./preflight";

describe("connection pre-flight", () => {
  let sim: RunningSimulator;
  const graph = (d: DemoTenant, secret = d.clientSecret) => createTenantGraph({ tenantId: d.tenantId, clientId: d.clientId, clientSecret: secret, simulatorUrl: sim.url, retry: { maxRetries: 0, delaySeconds: 1 } });
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.stop());

  it("shows every operation available on a fully granted tenant", async () => {
    const { connected, rows } = await runPreflight(graph(CONTOSO));
    expect(connected).toBe(true);
    expect(rows.filter((r) => !r.granted).map((r) => r.op)).toEqual([]);
    expect(rows.filter((r) => r.probe && !r.probe.ok)).toEqual([]);
  });

  it("names the missing permission, licence and message-trace principal before anyone clicks", async () => {
    const { rows } = await runPreflight(graph(FABRIKAM));
    const byOp = Object.fromEntries(rows.map((r) => [r.op, r]));
    expect(byOp.revokeSessions!.granted).toBe(false);
    expect(byOp.listSignIns!.probe).toMatchObject({ ok: false, message: expect.stringContaining("Entra ID P1 licence") });
    expect(byOp.listMessageTraces!.probe).toMatchObject({ ok: false, message: expect.stringContaining("Message trace is not enabled") });
    expect(byOp.getUser!.probe).toMatchObject({ ok: true });
  });

  it("reports a wrong secret as a connection problem", async () => {
    expect(await runPreflight(graph(CONTOSO, "wrong"))).toMatchObject({ connected: false, error: expect.stringContaining("secret") });
  });
});
