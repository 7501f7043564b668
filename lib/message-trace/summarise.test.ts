import { describe, expect, it } from "vitest";
import { normaliseTraceStatus } from "./statuses";
import { summariseByDomain } from "./summarise";
import { checkTraceWindow, defaultTraceWindow, splitTraceWindow } from "./window";

const at = (iso: string) => new Date(iso);
const row = (traceId: string, recipient: string, status: string, iso = "2026-03-03T09:00:00Z") => ({
  traceId,
  recipient,
  recipientDomain: recipient.split("@")[1]!,
  status,
  receivedAt: at(iso),
});

describe("summariseByDomain", () => {
  it("counts messages, recipients and statuses per domain and marks the tenant's domains internal", () => {
    const s = summariseByDomain(
      [
        row("1", "a@gmail.com", "gettingStatus", "2026-03-03T08:00:00Z"),
        row("2", "b@gmail.com", "Pending"),
        row("3", "a@gmail.com", "delivered", "2026-03-03T10:00:00Z"),
        row("4", "grady@contoso.example", "delivered"),
        row("5", "x@sales.contoso.example", "failed"),
      ],
      "contoso.example",
    );
    expect(s.map((d) => [d.domain, d.isInternal])).toEqual([
      ["gmail.com", false],
      ["contoso.example", true],
      ["sales.contoso.example", true],
    ]);
    expect(s[0]).toMatchObject({
      messageCount: 3,
      recipientCount: 2,
      unsettledCount: 2,
      byStatus: { gettingStatus: 1, pending: 1, delivered: 1 },
    });
    expect(s[0]!.firstAt).toEqual(at("2026-03-03T08:00:00Z"));
    expect(s[0]!.lastAt).toEqual(at("2026-03-03T10:00:00Z"));
  });

  it("keeps an unknown status as given", () => {
    expect(normaliseTraceStatus("Delivered")).toBe("delivered");
    expect(normaliseTraceStatus("somethingNew")).toBe("somethingNew");
  });
});

describe("trace window", () => {
  const now = at("2026-03-10T12:00:00Z");

  it("defaults to a week before detection up to now, never older than 90 days", () => {
    expect(defaultTraceWindow(at("2026-03-09T12:00:00Z"), now)).toEqual({ start: at("2026-03-02T12:00:00Z"), end: now });
    const old = defaultTraceWindow(at("2025-01-01T00:00:00Z"), now);
    expect(now.getTime() - old.start.getTime()).toBeLessThan(90 * 86_400_000);
  });

  it("splits a long window into queries of at most 10 days", () => {
    const parts = splitTraceWindow({ start: at("2026-02-15T12:00:00Z"), end: now }, now);
    expect(parts.map((p) => [p.start.toISOString(), p.end.toISOString()])).toEqual([
      ["2026-02-15T12:00:00.000Z", "2026-02-25T12:00:00.000Z"],
      ["2026-02-25T12:00:00.000Z", "2026-03-07T12:00:00.000Z"],
      ["2026-03-07T12:00:00.000Z", "2026-03-10T12:00:00.000Z"],
    ]);
  });

  it("names the field to fix when Graph would refuse the window", () => {
    expect(checkTraceWindow({ start: at("2026-03-09T00:00:00Z"), end: at("2026-03-08T00:00:00Z") }, now)).toMatchObject({
      field: "startDate",
    });
    expect(checkTraceWindow({ start: at("2026-03-09T00:00:00Z"), end: at("2026-03-11T00:00:00Z") }, now)).toMatchObject({
      field: "endDate",
    });
    expect(checkTraceWindow({ start: at("2025-11-01T00:00:00Z"), end: now }, now)).toMatchObject({ field: "startDate" });
    expect(checkTraceWindow({ start: at("2026-03-01T00:00:00Z"), end: now }, now)).toBeNull();
    // Exactly 90 days back would be older than 90 days by the time Graph reads it.
    const ninetyDaysBack = new Date(now.getTime() - 90 * 86_400_000);
    expect(checkTraceWindow({ start: ninetyDaysBack, end: now }, now)).toMatchObject({ field: "startDate" });
    expect(checkTraceWindow({ start: new Date(ninetyDaysBack.getTime() + 3_600_000), end: now }, now)).toBeNull();
  });
});
