import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fromUtcInputValue, toUtcInputValue } from "./utc-input";

// The bug this guards against: a value pre-filled in UTC but read back in the browser's zone
// (new Date("2026-11-27T08:00") is local time), so every save moved the time by the offset.
describe("UTC datetime-local values", () => {
  beforeEach(() => {
    vi.stubEnv("TZ", "Asia/Kolkata"); // UTC+05:30: any local-time parsing shows up
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("reads back exactly what it pre-filled, whatever the local zone", () => {
    expect(new Date("2026-11-27T08:00").toISOString()).toBe("2026-11-27T02:30:00.000Z"); // the zone is in effect
    const deadline = new Date("2026-11-27T08:00:00Z");
    const shown = toUtcInputValue(deadline);
    expect(shown).toBe("2026-11-27T08:00");
    expect(new Date(fromUtcInputValue(shown)).toISOString()).toBe(deadline.toISOString());
    expect(new Date(fromUtcInputValue("2026-11-27T08:00:30")).toISOString()).toBe("2026-11-27T08:00:30.000Z");
  });

  it("keeps blank as blank and passes anything else on for the schema to reject", () => {
    expect(fromUtcInputValue("  ")).toBe("");
    expect(fromUtcInputValue("next friday")).toBe("next friday");
    expect(toUtcInputValue(null)).toBe("");
    expect(toUtcInputValue("not a date")).toBe("");
  });
});
