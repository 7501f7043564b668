import { describe, expect, it } from "vitest";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { resolveWarnings } from "./resolve-warnings";

const mandatory = CHECKLIST_STEPS.filter((s) => s.mandatory);

describe("resolveWarnings", () => {
  it("names each required step left, like Close, and a missing first response", () => {
    const warnings = resolveWarnings([], { responded: false });
    expect(warnings).toHaveLength(mandatory.length + 1);
    expect(warnings[0]).toBe(`“${mandatory[0]!.title}” is not done (required before closing)`);
    expect(warnings.at(-1)).toMatch(/no public update yet/);
  });

  it("says nothing when the required steps are settled and the customer was answered", () => {
    const steps = mandatory.map((s, i) =>
      i === 0 ? { key: s.key, state: "NOT_APPLICABLE", reason: "No mailbox" } : { key: s.key, state: "DONE", reason: null },
    );
    expect(resolveWarnings(steps, { responded: true })).toEqual([]);
    // A step set aside without a reason is not settled.
    expect(resolveWarnings([{ ...steps[0]!, reason: " " }, ...steps.slice(1)], { responded: true })).toHaveLength(1);
  });
});
