import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { listTickets } from "./queries";
import { ZTicketListQuery } from "./schemas";

// The queue's saved views select by the same rules the rows show: "SLA at risk" is a clock still
// running past three quarters of its severity's target (lib/tickets/sla.ts), breached included.
describe.each(testDbKinds())("the queue's saved views on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  const now = new Date("2026-12-03T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db)).id;
    const reporterId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    const fresh = { firstResponseAt: minutesAgo(1), containedAt: minutesAgo(1) };
    const add = async (name: string, data: Partial<Parameters<typeof seedTicket>[1]>) =>
      (ids[name] = (await seedTicket(t.db, { tenantId, reporterId, createdAt: minutesAgo(2), ...fresh, ...data })).id);
    await add("mine", { assigneeId: engineer.id, status: "TRIAGED" });
    await add("unassigned", { status: "NEW" });
    // CRITICAL: first response within 15 min; 12 min without one is past 75 %.
    await add("criticalWaiting", { severity: "CRITICAL", createdAt: minutesAgo(12), firstResponseAt: null });
    // LOW: 8 h to respond; 5 h is not yet at risk.
    await add("lowWaiting", { severity: "LOW", createdAt: minutesAgo(5 * 60), firstResponseAt: null });
    // HIGH: 4 h to contain, 3.5 h uncontained is at risk even though the first response was met.
    await add("highUncontained", { severity: "HIGH", createdAt: minutesAgo(210), containedAt: null });
    // A resolved ticket's clocks have stopped: never at risk.
    await add("resolvedLate", { severity: "CRITICAL", createdAt: minutesAgo(600), firstResponseAt: null, resolvedAt: minutesAgo(5) });
    await add("returned", { status: "CLOSED", closedAt: minutesAgo(1), resolvedAt: minutesAgo(2), reviewStatus: "RETURNED" });
  });
  afterAll(() => t.close());

  const view = async (v: string) =>
    (await listTickets(t.db, engineer, ZTicketListQuery.parse({ view: v }), 50, now)).rows.map((r) => r.id).sort();
  const named = (...names: string[]) => names.map((n) => ids[n]!).sort();

  it("mine, unassigned and returned reports", async () => {
    expect(await view("mine")).toEqual(named("mine"));
    expect(await view("unassigned")).toEqual(named("unassigned", "criticalWaiting", "lowWaiting", "highUncontained", "resolvedLate"));
    expect(await view("returned")).toEqual(named("returned"));
  });

  it("SLA at risk: running clocks past three quarters of their target, by severity", async () => {
    expect(await view("sla")).toEqual(named("criticalWaiting", "highUncontained"));
  });

  it("an unknown view is no view", async () => {
    expect((await view("everything")).length).toBe(Object.keys(ids).length);
  });
});
