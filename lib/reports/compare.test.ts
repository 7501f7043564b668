import { describe, expect, it } from "vitest";
import { changedSections } from "./compare";
import type { Report } from "./compose-report";

const report = (outcome: string, timeline: string[]): Report => ({
  title: "INC-1: x",
  subtitle: "s",
  sections: [
    { heading: "7. Outcome after troubleshooting", lines: [`What was achieved: ${outcome}.`] },
    { heading: "Appendix: timeline", lines: timeline },
  ],
});

describe("changed sections between report versions", () => {
  it("ignores a timeline that only grew", () => {
    expect(changedSections(report("Secured", ["a"]), report("Secured", ["a", "b"]))).toEqual([]);
  });
  it("names the sections whose text changed", () => {
    expect(changedSections(report("Secured", ["a"]), report("Secured; consent revoked", ["a"]))).toEqual([
      "7. Outcome after troubleshooting",
    ]);
  });
});
