import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { computeMetrics } from "./compute";
import { loadMetricTickets } from "./queries";
import { parsePeriod } from "./schemas";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("metrics query on %s", (kind) => {
  let t: TestDb;
  let manager: Viewer, engineer: Viewer;
  const numbers: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestDb(kind);
    const contoso = (await seedTenant(t.db, { displayName: "Contoso" })).id;
    const fabrikam = (await seedTenant(t.db, { displayName: "Fabrikam" })).id;
    manager = viewerOf(await seedUser(t.db, { role: "MANAGER" }));
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    const reporter = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contoso })).id;
    const at = (iso: string) => new Date(iso);
    const ticket = async (name: string, tenantId: string, createdAt: string, extra: Partial<Prisma.TicketUncheckedCreateInput> = {}) => {
      const row = await seedTicket(t.db, { tenantId, reporterId: reporter, createdAt: at(createdAt), detectedAt: at(createdAt), ...extra });
      numbers[name] = row.number;
      return row.id;
    };
    await ticket("before", contoso, "2026-10-31T23:59:59.999Z");
    const first = await ticket("firstDay", contoso, "2026-11-01T00:00:00.000Z", {
      status: "CLOSED",
      severity: "HIGH",
      firstResponseAt: at("2026-11-01T00:20:00Z"),
      containedAt: at("2026-11-01T02:00:00Z"),
      resolvedAt: at("2026-11-01T06:00:00Z"),
      closedAt: at("2026-11-02T00:00:00Z"),
    });
    await ticket("lastDay", fabrikam, "2026-11-30T23:59:59.000Z", { status: "NEW", severity: "LOW" });
    await ticket("after", fabrikam, "2026-12-01T00:00:00.000Z");
    await t.db.recipientDomain.createMany({
      data: [
        { ticketId: first, domain: "gmail.com", isInternal: false, messageCount: 420, recipientCount: 419 },
        { ticketId: first, domain: "yahoo.com", isInternal: false, messageCount: 3, recipientCount: 3 },
        { ticketId: first, domain: "contoso.example", isInternal: true, messageCount: 12, recipientCount: 9 },
      ],
    });
    await t.db.preventiveItem.createMany({
      data: ["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"].map((status, i) => ({ ticketId: first, title: `Measure ${i}`, status })),
    });
  });
  afterAll(() => t.close());

  const november = () => {
    const p = parsePeriod({ from: "2026-11-01", to: "2026-11-30" });
    if (!p.ok) throw new Error("bad period");
    return p.period;
  };

  it("takes the tickets reported in the period, both days included, with recipients and open measures", async () => {
    const rows = await loadMetricTickets(t.db, manager, november());
    expect(rows.map((r) => r.number)).toEqual([numbers.firstDay, numbers.lastDay]);
    expect(rows[0]).toMatchObject({
      tenant: "Contoso",
      status: "CLOSED",
      recipients: 422,
      internalRecipients: 9,
      openPreventiveItems: 2,
      resolvedAt: new Date("2026-11-01T06:00:00Z"),
    });
    expect(rows[1]).toMatchObject({ tenant: "Fabrikam", recipients: 0, internalRecipients: 0, openPreventiveItems: 0 });
    const m = computeMetrics(rows, new Date("2026-12-01T00:00:30Z"));
    // The LOW ticket is 30 s old: within its 8 h response target; the closed one met both.
    expect(m).toMatchObject({
      total: 2,
      open: 1,
      closed: 1,
      slaBreaches: 0,
      recipientsAffected: 422,
      internalRecipientsAffected: 9,
      openPreventiveItems: 2,
      hoursToClose: 24,
    });
  });

  it("is for managers (and platform admins) only", async () => {
    await expect(loadMetricTickets(t.db, engineer, november())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
