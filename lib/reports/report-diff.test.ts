import { describe, expect, it } from "vitest";
import { diffReports, summariseDiff } from "./report-diff";

const report = (outcome: string, events: string[]) =>
  [
    "# INC-1: x",
    "",
    "## 1. Issue description",
    "",
    "- a",
    "- b",
    "- c",
    "- d",
    "- e",
    "",
    "## 7. Outcome after troubleshooting",
    "",
    `- What was achieved: ${outcome}`,
    "- Lessons learned: none.",
    "",
    "## Appendix: timeline",
    "",
    ...events.map((e) => `- ${e}`),
    "",
  ].join("\n");

describe("report diff", () => {
  it("shows only the changed hunks with two lines of context, each line marked, the changed words apart", () => {
    const d = diffReports(report("Account secured.", ["closed"]), report("Account secured; consent revoked.", ["closed", "resubmitted"]));
    expect(d.hunks).toHaveLength(2);
    const [outcome, appendix] = d.hunks;
    expect(outcome!.section).toBe("§7 Outcome after troubleshooting");
    expect(outcome!.lines.map((l) => l.kind)).toEqual(["context", "context", "removed", "added", "context", "context"]);
    // Section 1 is far from the change: none of its lines is shown.
    expect(d.hunks.flatMap((h) => h.lines).some((l) => l.parts.some((p) => p.text === "- a"))).toBe(false);
    const added = outcome!.lines.find((l) => l.kind === "added")!;
    expect(
      added.parts
        .filter((p) => p.changed)
        .map((p) => p.text)
        .join(""),
    ).toContain("consent");
    expect(added.parts.map((p) => p.text).join("")).toBe("- What was achieved: Account secured; consent revoked.");
    expect(added.newNo).toBe(13);
    expect(appendix!.lines.filter((l) => l.kind === "added").map((l) => l.parts[0]!.text)).toEqual(["- resubmitted"]);
    expect(summariseDiff(d)).toBe("1 line changed in §7 Outcome after troubleshooting; 1 line changed in Appendix: timeline.");
  });

  it("counts a replaced run once and says when nothing changed", () => {
    const before = report("x", ["a", "b", "c"]);
    const after = report("x", ["A", "B", "c"]);
    expect(summariseDiff(diffReports(before, after))).toBe("2 lines changed in Appendix: timeline.");
    expect(summariseDiff(diffReports(before, before))).toBe("No text changed.");
  });
});
