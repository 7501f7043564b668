import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { seedTenant, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { control, startTestSimulator } from "@/simulator/test/support";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { pollTenantAlerts } from "./poll";
import { acceptAlertSuggestions, dismissAlertSuggestions, setAlertMode } from "./service";

// The alert poll against the simulator over HTTPS: suggestions, a spray that becomes one
// campaign incident, no duplicates when polled again (the overlap re-reads), a late-listed
// alert inside the overlap still caught and added to the open ticket of its account.

describe.each(testDbKinds())("alert poll on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let engineer: Viewer;
  let admin: Viewer;
  let tenantId: string;
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 2, delaySeconds: 1 },
      timeoutMs: 10_000,
    });
  const poll = () => pollTenantAlerts(t.db, tenantId, { graph: graph() });

  beforeAll(async () => {
    t = await createTestDb(kind);
    // Graph's rules without Identity Protection's 1 request/s, so two polls in a row are not throttled.
    sim = await startTestSimulator({ rules: "fast" });
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    admin = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
  });
  afterAll(async () => {
    await sim.stop();
    await t.close();
  });

  it("suggests by default, and an engineer opens the ticket", async () => {
    const first = await poll();
    expect(first.opened).toBe(0);
    expect(first.suggested).toBeGreaterThan(0);
    expect(await t.db.ticket.count({ where: { tenantId } })).toBe(0);
    const pending = await t.db.tenantAlert.findMany({ where: { tenantId, status: "SUGGESTED" } });
    const megan = pending.filter((a) => a.upn.startsWith("megan@"));
    expect(megan.length).toBeGreaterThan(0);
    const ticket = await acceptAlertSuggestions(t.db, engineer, { tenantId, alertIds: megan.map((a) => a.id) });
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row).toMatchObject({ affectedUpn: expect.stringMatching(/^megan@/), reporterId: engineer.id, symptoms: ["SECURITY_ALERT"] });
    expect(await t.db.tenantAlert.count({ where: { ticketId: ticket.id } })).toBe(megan.length);
    // Another account's alert, suggested and dismissed.
    expect(
      (await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/alerts`, { upn: `adele@${CONTOSO.primaryDomain}`, severity: "low" }))
        .status,
    ).toBe(201);
    expect(await poll()).toMatchObject({ stored: 2, suggested: 2, opened: 0 });
    expect(await dismissAlertSuggestions(t.db, engineer, { tenantId, alertIds: [] })).toEqual({ dismissed: 2 });
    expect(await t.db.tenantAlert.count({ where: { tenantId, status: "SUGGESTED" } })).toBe(0);
  });

  it("opens one campaign incident for a spray, takes nothing twice, and catches a late alert in the overlap", async () => {
    await setAlertMode(t.db, admin, { tenantId, mode: "AUTOMATIC" });
    const spray = (await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/spray`, { count: 12 })).body as { users: string[] };
    const result = await poll();
    expect(result).toMatchObject({ opened: 1, stored: 36 }); // an alert, a risk detection and a risky user per account
    const campaign = await t.db.ticket.findFirstOrThrow({
      where: { tenantId, title: { startsWith: "Campaign: 12 accounts" } },
      include: { campaignAccounts: true },
    });
    expect(campaign.severity).toBe("HIGH");
    expect(campaign.campaignAccounts.map((a) => a.upn).sort()).toEqual([...spray.users].sort());
    expect(await t.db.tenantAlert.count({ where: { ticketId: campaign.id } })).toBe(36);

    // Polled again (as after a restart: the cursor is in the database): the overlap reads the same alerts, none is new.
    expect(await poll()).toMatchObject({ stored: 0, opened: 0 });
    expect(await t.db.ticket.count({ where: { tenantId } })).toBe(2);

    // An alert that became listable late, dated inside the overlap window before the cursor.
    const cursor = await t.db.alertCursor.findUniqueOrThrow({ where: { tenantId_source: { tenantId, source: "alerts_v2" } } });
    const late = new Date(cursor.readUntil.getTime() - 5 * 60_000).toISOString();
    sim.runtime.world.tenants.get(CONTOSO.tenantId)!.alerts.push({
      id: "late-alert-1",
      title: "Late alert",
      severity: "medium",
      status: "new",
      category: "x",
      serviceSource: "x",
      createdDateTime: late,
      incidentId: "1",
      userPrincipalName: spray.users[3]!,
    });
    expect(await poll()).toMatchObject({ stored: 1, attached: 1, opened: 0 });
    expect(await t.db.tenantAlert.findFirstOrThrow({ where: { externalId: "late-alert-1" } })).toMatchObject({
      ticketId: campaign.id,
      status: "TICKETED",
    });
  });
});
