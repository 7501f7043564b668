import { describe, expect, it } from "vitest";
import { computeMetrics, type MetricTicket } from "./compute";
import { csvCell, toCsv } from "./csv";
import { dwellHours, firstSuspiciousSignIn } from "@/lib/investigation/dwell";
import { parsePeriod } from "./schemas";
import { incidentsOverTime, incidentsSummary, periodBuckets, slaDistribution, tenantOpenClosed } from "./series";

const base: MetricTicket = {
  id: "1",
  number: 1001,
  tenant: "Contoso",
  status: "CLOSED",
  severity: "HIGH",
  createdAt: new Date("2026-11-24T08:00:00Z"),
  firstResponseAt: new Date("2026-11-24T08:30:00Z"),
  containedAt: new Date("2026-11-24T10:00:00Z"),
  firstSuspiciousAt: new Date("2026-11-24T02:00:00Z"),
  resolvedAt: new Date("2026-11-24T20:00:00Z"),
  closedAt: new Date("2026-11-25T08:00:00Z"),
  recipients: 420,
  internalRecipients: 12,
  openPreventiveItems: 2,
};
const fresh = {
  ...base,
  id: "2",
  tenant: "Fabrikam",
  status: "NEW",
  firstResponseAt: null,
  containedAt: null,
  firstSuspiciousAt: null,
  resolvedAt: null,
  closedAt: null,
  recipients: 0,
  internalRecipients: 0,
  openPreventiveItems: 0,
};
const month = new Date("2026-12-24T09:00:00Z");

describe("manager metrics", () => {
  it("averages the clocks and counts by status and tenant", () => {
    const m = computeMetrics([base, fresh], new Date("2026-11-24T09:00:00Z"));
    expect(m).toMatchObject({
      total: 2,
      open: 1,
      closed: 1,
      hoursToFirstResponse: 0.5,
      hoursToContain: 2,
      dwellHours: 8,
      hoursToClose: 24,
      recipientsAffected: 420,
      internalRecipientsAffected: 12,
      openPreventiveItems: 2,
    });
    expect(m.byTenant).toEqual([
      { name: "Contoso", n: 1 },
      { name: "Fabrikam", n: 1 },
    ]);
    expect(m.slaBreaches).toBe(1); // the NEW high-severity ticket passed 30 min without a response
  });
  it("counts a ticket closed without a customer-visible reply as a missed first response, once, however long ago", () => {
    const falsePositive = {
      ...fresh,
      id: "3",
      status: "CLOSED",
      resolvedAt: new Date("2026-11-24T08:20:00Z"),
      closedAt: new Date("2026-11-24T08:25:00Z"),
    };
    expect(computeMetrics([base, { ...falsePositive, firstResponseAt: new Date("2026-11-24T08:10:00Z") }], month).slaBreaches).toBe(0);
    // Resolving is not a reply (issue 16): no public update means the first response was missed.
    expect(computeMetrics([falsePositive], month).slaBreaches).toBe(1);
    // Left unanswered for two hours before it was closed: that response target was missed (once).
    const late = { ...falsePositive, resolvedAt: new Date("2026-11-24T10:00:00Z"), closedAt: new Date("2026-11-24T10:05:00Z") };
    expect(computeMetrics([late], month).slaBreaches).toBe(1);
    // Reopened and still not contained: the containment clock runs again.
    expect(computeMetrics([{ ...base, status: "REOPENED", containedAt: null, resolvedAt: null, closedAt: null }], month).slaBreaches).toBe(
      1,
    );
  });
  it("shows nothing rather than invented numbers for an empty period", () => {
    expect(computeMetrics([])).toMatchObject({ total: 0, hoursToContain: null, dwellHours: null });
  });
});

describe("incidents chart summary", () => {
  const bucket = (label: string, total: number) => ({ label, start: new Date(), counts: {}, total });
  it("says on a day, in a week or a month, names ties, and counts in words", () => {
    expect(incidentsSummary("day", [bucket("29 Nov", 1), bucket("30 Nov", 2), bucket("1 Dec", 0)])).toBe(
      "3 incidents in 3 days; the most (2) on 30 Nov.",
    );
    expect(incidentsSummary("day", [bucket("29 Nov", 2), bucket("30 Nov", 2), bucket("1 Dec", 0)])).toBe(
      "4 incidents in 3 days; the most (2) on 29 Nov and 30 Nov.",
    );
    expect(incidentsSummary("week", [bucket("week of 24 Nov", 3), bucket("week of 1 Dec", 1)])).toBe(
      "4 incidents in 2 weeks; the most (3) in the week of 24 Nov.",
    );
    expect(incidentsSummary("month", [bucket("Nov 2026", 1), bucket("Dec 2026", 5)])).toBe(
      "6 incidents in 2 months; the most (5) in Dec 2026.",
    );
    expect(incidentsSummary("day", [bucket("30 Nov", 1)])).toBe("1 incident in 1 day.");
    expect(incidentsSummary("day", [bucket("29 Nov", 1), bucket("30 Nov", 1)])).toBe("2 incidents in 2 days, 1 each day.");
    expect(incidentsSummary("day", [bucket("30 Nov", 0)])).toBe("No incidents were reported in this period.");
  });
});

describe("dwell time", () => {
  it("starts at the first successful suspicious sign-in; an earlier failed attempt does not start it", () => {
    const flagged = [
      { at: new Date("2026-11-24T02:03:00Z"), succeeded: true },
      { at: new Date("2026-11-24T01:45:00Z"), succeeded: false },
      { at: new Date("2026-11-24T03:00:00Z"), succeeded: true },
    ];
    expect(firstSuspiciousSignIn(flagged)).toEqual({
      firstSuccessful: new Date("2026-11-24T02:03:00Z"),
      firstAttempt: new Date("2026-11-24T01:45:00Z"),
    });
    expect(firstSuspiciousSignIn([{ at: new Date("2026-11-24T01:45:00Z"), succeeded: false }]).firstSuccessful).toBeNull();
    expect(dwellHours(new Date("2026-11-24T02:00:00Z"), new Date("2026-11-24T09:30:00Z"))).toBe(7.5);
    expect(dwellHours(null, new Date())).toBeNull();
    // Contained before the attacker's first successful sign-in seen: no dwell, rather than a negative one.
    expect(dwellHours(new Date("2026-11-24T10:00:00Z"), new Date("2026-11-24T09:00:00Z"))).toBeNull();
    expect(computeMetrics([{ ...base, firstSuspiciousAt: new Date("2026-11-24T11:00:00Z") }]).dwellHours).toBeNull();
  });
});

describe("dashboard charts' data", () => {
  const period = { from: new Date("2026-11-22T00:00:00Z"), to: new Date("2026-11-25T23:59:59.999Z") };
  it("counts incidents per day by current status, over every day of the period", () => {
    const { unit, buckets } = incidentsOverTime([base, fresh, { ...fresh, id: "4", createdAt: new Date("2026-11-22T23:59:00Z") }], period);
    expect(unit).toBe("day");
    expect(buckets.map((b) => [b.label, b.total, b.counts])).toEqual([
      ["22 Nov", 1, { NEW: 1 }],
      ["23 Nov", 0, {}],
      ["24 Nov", 2, { CLOSED: 1, NEW: 1 }],
      ["25 Nov", 0, {}],
    ]);
  });
  it("uses weeks from Monday for a quarter and months for a year", () => {
    const quarter = periodBuckets({ from: new Date("2026-09-02T00:00:00Z"), to: new Date("2026-11-30T23:59:59Z") });
    expect(quarter.unit).toBe("week");
    expect(quarter.starts[0]!.toISOString().slice(0, 10)).toBe("2026-08-31");
    expect(periodBuckets({ from: new Date("2026-01-15T00:00:00Z"), to: new Date("2026-12-31T23:59:59Z") })).toMatchObject({
      unit: "month",
    });
  });
  it("places each stopped clock by the share of its target it used, and counts open and inapplicable ones apart", () => {
    const lateContain = { ...base, id: "5", containedAt: new Date("2026-11-24T17:00:00Z") }; // 9 h of 4 h: > 200 %
    const falsePositive = {
      ...fresh,
      id: "6",
      status: "CLOSED",
      resolvedAt: new Date("2026-11-24T08:20:00Z"),
      closedAt: new Date("2026-11-24T08:25:00Z"),
    };
    const d = slaDistribution([base, lateContain, fresh, falsePositive], "contain", new Date("2026-11-24T09:00:00Z"));
    expect(d).toMatchObject({ met: 1, breached: 1, running: 1, overdue: 0, notApplicable: 1 });
    expect(d.bands.map((b) => b.n)).toEqual([0, 1, 0, 0, 0, 0, 1]); // 2 h of 4 h = 50 %; 9 h = 225 %
    expect(d.bands.filter((b) => b.withinTarget).map((b) => b.label)).toEqual(["≤ 25 %", "25–50 %", "50–75 %", "75–100 %"]);
    const fr = slaDistribution([base, fresh], "firstResponse", new Date("2026-11-24T09:00:00Z"));
    expect(fr).toMatchObject({ met: 1, overdue: 1, running: 0 });
  });
  it("splits each tenant's incidents into open and closed", () => {
    expect(tenantOpenClosed([base, fresh, { ...fresh, id: "7", tenant: "Contoso" }])).toEqual([
      { tenant: "Contoso", open: 1, closed: 1 },
      { tenant: "Fabrikam", open: 1, closed: 0 },
    ]);
  });
});

describe("dashboard period", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it("defaults to the last 30 days, both ends included", () => {
    expect(parsePeriod({}, now)).toEqual({
      ok: true,
      period: {
        from: new Date("2026-11-02T00:00:00.000Z"),
        to: new Date("2026-12-01T23:59:59.999Z"),
        fromDay: "2026-11-02",
        toDay: "2026-12-01",
      },
    });
  });
  it("refuses what is not a period, keeping what was typed", () => {
    expect(parsePeriod({ from: "1" }, now)).toEqual({
      ok: false,
      errors: { from: ["Enter a date as YYYY-MM-DD."] },
      values: { from: "1", to: "" },
    });
    expect(parsePeriod({ from: "2026-02-30", to: "2026-03-01" }, now)).toMatchObject({
      ok: false,
      errors: { from: ["That day does not exist."] },
    });
    expect(parsePeriod({ from: "2026-11-10", to: "2026-11-01" }, now)).toMatchObject({
      ok: false,
      errors: { from: ["Start on or before the end date."] },
      values: { from: "2026-11-10", to: "2026-11-01" },
    });
    expect(parsePeriod({ from: "2020-01-01" }, now)).toMatchObject({ ok: false, errors: { from: ["Choose at most two years."] } });
  });
});

describe("CSV export", () => {
  it("neutralises formula injection and quotes every cell", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("plain")).toBe(`"plain"`);
    expect(toCsv(["a", "b"], [[1, null]])).toBe(`"a","b"\r\n"1",""\r\n`);
  });
});
