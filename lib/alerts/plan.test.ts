import { describe, expect, it } from "vitest";
import { mapSeverity, planAlerts, type NewAlert } from "./plan";

const at = new Date("2026-12-03T10:00:00Z");
const alert = (id: string, upn: string, severity: NewAlert["severity"] = "MEDIUM", minutes = 0): NewAlert => ({
  id,
  upn,
  severity,
  raisedAt: new Date(at.getTime() + minutes * 60_000),
});

describe("mapSeverity", () => {
  it("maps Defender severities and risk levels to ours", () => {
    expect(["high", "medium", "low", "informational", "unknown"].map((l) => mapSeverity("alerts_v2", l))).toEqual([
      "HIGH",
      "MEDIUM",
      "LOW",
      "LOW",
      "MEDIUM",
    ]);
    expect(["high", "hidden", "low"].map((l) => mapSeverity("riskyUsers", l))).toEqual(["HIGH", "MEDIUM", "LOW"]);
    expect(["high", "medium", "low", "hidden"].map((l) => mapSeverity("riskDetections", l))).toEqual(["HIGH", "MEDIUM", "LOW", "MEDIUM"]);
  });
});

describe("planAlerts", () => {
  it("adds alerts to the open ticket of their account and opens one per other account", () => {
    const plan = planAlerts(
      [alert("a1", "ann@c.example"), alert("a2", "bob@c.example", "HIGH", 2), alert("a3", "bob@c.example", "LOW", 1)],
      new Map([["ann@c.example", "t-1"]]),
    );
    expect(plan.attach).toEqual([{ ticketId: "t-1", alertIds: ["a1"] }]);
    expect(plan.single).toEqual([
      { upn: "bob@c.example", alertIds: ["a2", "a3"], severity: "HIGH", detectedAt: new Date(at.getTime() + 60_000) },
    ]);
    expect(plan.campaign).toBeNull();
  });

  it("makes a wave of many accounts one campaign incident, at least HIGH", () => {
    const alerts = ["a", "b", "c", "d", "e"].map((u, i) => alert(`x${i}`, `${u}@c.example`, "LOW", i));
    const plan = planAlerts(alerts, new Map());
    expect(plan.single).toEqual([]);
    expect(plan.campaign).toEqual({
      upns: ["a@c.example", "b@c.example", "c@c.example", "d@c.example", "e@c.example"],
      alertIds: ["x0", "x1", "x2", "x3", "x4"],
      severity: "HIGH",
      detectedAt: at,
    });
  });
});
