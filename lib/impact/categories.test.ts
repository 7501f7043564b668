import { describe, expect, it } from "vitest";
import { SEVERITY_LABELS } from "@/lib/tickets/format";
import { deadlineState, isBelowSeverity, raiseSeverity, severityChoices, severityOutcome } from "./categories";

describe("impact rules", () => {
  it("raises severity but never lowers it", () => {
    expect(raiseSeverity("MEDIUM", "CRITICAL")).toBe("CRITICAL");
    expect(raiseSeverity("HIGH", "LOW")).toBe("HIGH");
  });
  it("offers levels below the current severity as disabled, with the reason, and the current one marked", () => {
    expect(isBelowSeverity("LOW", "HIGH")).toBe(true);
    expect(isBelowSeverity("HIGH", "HIGH")).toBe(false);
    expect(severityChoices("HIGH", SEVERITY_LABELS)).toEqual([
      { value: "LOW", label: "Low – below current, cannot lower", disabled: true },
      { value: "MEDIUM", label: "Medium – below current, cannot lower", disabled: true },
      { value: "HIGH", label: "High (current)", disabled: false },
      { value: "CRITICAL", label: "Critical", disabled: false },
    ]);
    expect(severityChoices("LOW", SEVERITY_LABELS).filter((c) => c.disabled)).toEqual([]);
  });
  it("says whether saving changed the severity", () => {
    expect(severityOutcome("HIGH", "CRITICAL", SEVERITY_LABELS)).toBe("Severity raised from High to Critical.");
    expect(severityOutcome("HIGH", "HIGH", SEVERITY_LABELS)).toBe("Severity unchanged (High).");
  });
  it("counts down to the notification deadline and reports overdue", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(deadlineState(new Date("2026-11-25T12:00:00Z"), now)).toEqual({ overdue: false, ms: 86_400_000 });
    expect(deadlineState(new Date("2026-11-24T09:00:00Z"), now)).toEqual({ overdue: true, ms: 3 * 3_600_000 });
  });
});
