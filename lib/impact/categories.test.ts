import { describe, expect, it } from "vitest";
import { deadlineState, raiseSeverity } from "./categories";

describe("impact rules", () => {
  it("raises severity but never lowers it", () => {
    expect(raiseSeverity("MEDIUM", "CRITICAL")).toBe("CRITICAL");
    expect(raiseSeverity("HIGH", "LOW")).toBe("HIGH");
  });
  it("counts down to the notification deadline and reports overdue", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(deadlineState(new Date("2026-11-25T12:00:00Z"), now)).toEqual({ overdue: false, ms: 86_400_000 });
    expect(deadlineState(new Date("2026-11-24T09:00:00Z"), now)).toEqual({ overdue: true, ms: 3 * 3_600_000 });
  });
});
