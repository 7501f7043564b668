import { describe, expect, it } from "vitest";
import { computeMetrics, type MetricTicket } from "./compute";
import { csvCell, toCsv } from "./csv";

const base: MetricTicket = {
  id: "1", number: 1001, tenant: "Contoso", status: "CLOSED", severity: "HIGH", createdAt: new Date("2026-11-24T08:00:00Z"), firstResponseAt: new Date("2026-11-24T08:30:00Z"),
  containedAt: new Date("2026-11-24T10:00:00Z"), firstSuspiciousAt: new Date("2026-11-24T02:00:00Z"), closedAt: new Date("2026-11-25T08:00:00Z"), recipients: 420, openPreventiveItems: 2,
};

describe("manager metrics", () => {
  it("averages the clocks and counts by status and tenant", () => {
    const m = computeMetrics([base, { ...base, id: "2", tenant: "Fabrikam", status: "NEW", firstResponseAt: null, containedAt: null, firstSuspiciousAt: null, closedAt: null, recipients: 0, openPreventiveItems: 0 }], new Date("2026-11-24T09:00:00Z"));
    expect(m).toMatchObject({ total: 2, open: 1, closed: 1, hoursToFirstResponse: 0.5, hoursToContain: 2, dwellHours: 8, hoursToClose: 24, recipientsAffected: 420, openPreventiveItems: 2 });
    expect(m.byTenant).toEqual([{ name: "Contoso", n: 1 }, { name: "Fabrikam", n: 1 }]);
    expect(m.slaBreaches).toBe(1); // the NEW high-severity ticket passed 30 min without a response
  });
  it("shows nothing rather than invented numbers for an empty period", () => {
    expect(computeMetrics([])).toMatchObject({ total: 0, hoursToContain: null, dwellHours: null });
  });
});

describe("CSV export", () => {
  it("neutralises formula injection and quotes every cell", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("plain")).toBe(`"plain"`);
    expect(toCsv(["a", "b"], [[1, null]])).toBe(`"a","b"\r\n"1",""\r\n`);
  });
});
