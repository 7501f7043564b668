import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTenant, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, FABRIKAM } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { control, startTestSimulator } from "@/simulator/test/support";
import { simulatorGraph } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { pollTenantAlerts, UNAVAILABLE_RECHECK_MS } from "./poll";
import { getAlertSources } from "./queries";
import { setAlertMode } from "./service";

// Identity Protection's risk detections in the alert poll, against the simulator over HTTPS: a
// detection opens (or joins) the ticket of its account with its severity and as its evidence, a
// wave of detections is one campaign incident, nothing is taken twice when polled again (as
// after a restart), a late detection inside the overlap is still caught, and a tenant without
// the licence sees the source as not available without Graph being asked every minute.

describe.each(testDbKinds())("risk detections in the alert poll on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let contosoId: string;
  let fabrikamId: string;
  const requests: string[] = [];
  const poll = (tenantId = contosoId, now?: Date) =>
    pollTenantAlerts(t.db, tenantId, { graph: simulatorGraph(sim, tenantId === contosoId ? CONTOSO : FABRIKAM), now });
  const raise = async (upn: string, riskLevel: string, riskEventType = "unfamiliarFeatures") => {
    const res = await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/risk-detections`, { upn, riskLevel, riskEventType });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };
  const adele = `adele@${CONTOSO.primaryDomain}`;

  beforeAll(async () => {
    t = await createTestDb(kind);
    sim = await startTestSimulator({ rules: "fast", onRequest: (_req, op) => void (op && requests.push(op)) });
    contosoId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    fabrikamId = (await seedTenant(t.db, { entraTenantId: FABRIKAM.tenantId, primaryDomain: FABRIKAM.primaryDomain })).id;
    const admin = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    await setAlertMode(t.db, admin, { tenantId: contosoId, mode: "AUTOMATIC" });
    await poll(); // the seed's own alerts and risky users
  });
  afterAll(async () => {
    await sim.stop();
    await t.close();
  });

  it("opens a ticket for a detected account with its severity and the detection as evidence, then adds to it", async () => {
    const first = await raise(adele, "medium");
    expect(await poll()).toMatchObject({ stored: 2, opened: 1, unavailable: [] }); // the detection, and adele now a risky user
    const ticket = await t.db.ticket.findFirstOrThrow({ where: { tenantId: contosoId, affectedUpn: adele } });
    expect(ticket).toMatchObject({ severity: "MEDIUM", symptoms: ["SECURITY_ALERT"] });
    expect(await t.db.tenantAlert.findFirstOrThrow({ where: { externalId: first } })).toMatchObject({
      source: "riskDetections",
      ticketId: ticket.id,
      status: "TICKETED",
      severity: "MEDIUM",
      details: expect.objectContaining({ riskEventType: "unfamiliarFeatures", riskState: "atRisk" }),
    });
    const second = await raise(adele, "high", "anonymizedIPAddress");
    expect(await poll()).toMatchObject({ stored: 2, attached: 2, opened: 0 }); // the detection, and adele's risk rose
    expect(await t.db.tenantAlert.findFirstOrThrow({ where: { externalId: second } })).toMatchObject({
      ticketId: ticket.id,
      severity: "HIGH",
    });
    expect(await t.db.ticket.count({ where: { tenantId: contosoId, affectedUpn: adele } })).toBe(1);
  });

  it("takes nothing twice when polled again, and catches a detection listed late inside the overlap", async () => {
    expect(await poll()).toMatchObject({ stored: 0, opened: 0, attached: 0 });
    const cursor = await t.db.alertCursor.findUniqueOrThrow({
      where: { tenantId_source: { tenantId: contosoId, source: "riskDetections" } },
    });
    const late = new Date(cursor.readUntil.getTime() - 10 * 60_000).toISOString();
    const world = sim.runtime.world.tenants.get(CONTOSO.tenantId)!;
    const u = world.users.find((x) => x.userPrincipalName === adele)!;
    world.riskDetections!.push({
      id: "late-detection-1",
      userId: u.id,
      userPrincipalName: u.userPrincipalName,
      userDisplayName: u.displayName,
      riskEventType: "leakedCredentials",
      riskLevel: "low",
      riskState: "atRisk",
      ipAddress: "203.0.113.9",
      detectedDateTime: late,
      activityDateTime: late,
    });
    expect(await poll()).toMatchObject({ stored: 1, attached: 1, opened: 0 });
    expect(await poll()).toMatchObject({ stored: 0 });
    expect(await t.db.tenantAlert.count({ where: { tenantId: contosoId, externalId: "late-detection-1" } })).toBe(1);
  });

  it("makes a wave of detections for many accounts one campaign incident", async () => {
    const spray = (await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/spray`, { count: 6 })).body as { users: string[] };
    // Only Identity Protection saw this wave: Defender's alerts for it are taken away.
    const world = sim.runtime.world.tenants.get(CONTOSO.tenantId)!;
    world.alerts = world.alerts.filter((a) => !spray.users.includes(a.userPrincipalName));
    expect(await poll()).toMatchObject({ stored: 12, opened: 1 }); // a passwordSpray detection and a risky user per account
    const campaign = await t.db.ticket.findFirstOrThrow({
      where: { tenantId: contosoId, title: { startsWith: "Campaign: 6 accounts" } },
      include: { campaignAccounts: true },
    });
    expect(campaign.severity).toBe("HIGH");
    expect(campaign.campaignAccounts.map((a) => a.upn).sort()).toEqual([...spray.users].sort());
    const evidence = await t.db.tenantAlert.findMany({ where: { ticketId: campaign.id, source: "riskDetections" } });
    expect(evidence.map((e) => e.details)).toEqual(spray.users.map(() => expect.objectContaining({ riskEventType: "passwordSpray" })));
  });

  it("shows a tenant without the licence as not available, and asks Graph again only after a while", async () => {
    const count = () => requests.filter((op) => op === "listRiskDetections").length;
    const before = count();
    const first = await poll(fabrikamId);
    expect(first.unavailable).toEqual(["riskDetections", "riskyUsers"]);
    expect(first.read).toBeGreaterThan(0); // Defender's alerts are still read
    expect(count()).toBe(before + 1);
    const sources = await getAlertSources(t.db, fabrikamId);
    expect(sources.find((s) => s.source === "riskDetections")!.unavailableReason).toMatch(/Entra ID P1 licence/);
    expect(sources.find((s) => s.source === "riskyUsers")!.unavailableReason).toMatch(/Entra ID P2 licence/);
    expect(sources.find((s) => s.source === "alerts_v2")!).toMatchObject({ unavailableReason: null, readUntil: expect.any(Date) });

    expect((await poll(fabrikamId)).unavailable).toEqual(["riskDetections", "riskyUsers"]);
    expect(count()).toBe(before + 1); // not asked again a minute later
    await poll(fabrikamId, new Date(Date.now() + UNAVAILABLE_RECHECK_MS + 60_000));
    expect(count()).toBe(before + 2);
    expect(await t.db.ticket.count({ where: { tenantId: fabrikamId } })).toBe(0); // suggestions only, no error
  });
});
