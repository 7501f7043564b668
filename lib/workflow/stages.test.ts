import { describe, expect, it } from "vitest";
import { parseStage, stageForHash, stageHref, TICKET_STAGES } from "./stages";

describe("ticket stages", () => {
  it("opens the stage named in ?stage=, and the intake for anything else", () => {
    expect(parseStage("checklist")).toBe("checklist");
    expect(parseStage("timeline")).toBe("timeline");
    expect(parseStage(undefined)).toBe("intake");
    expect(parseStage("")).toBe("intake");
    expect(parseStage("Checklist")).toBe("intake");
    expect(parseStage("constructor")).toBe("intake");
    expect(parseStage(["scope", "impact"])).toBe("intake");
  });

  it("maps the one-page ticket's anchors to their stage", () => {
    expect(stageForHash("#checklist")).toBe("checklist");
    expect(stageForHash("#updates")).toBe("updates");
    expect(stageForHash("#timeline-heading")).toBe("timeline");
    expect(stageForHash("#main")).toBeNull();
    expect(stageForHash("")).toBeNull();
  });

  it("lists the report's seven stages in order, then updates and timeline", () => {
    expect(TICKET_STAGES.map((s) => s.label)).toEqual([
      "Intake",
      "Scope",
      "Business impact",
      "Troubleshooting",
      "Resolution",
      "Prevention",
      "Outcome",
      "Updates",
      "Timeline",
    ]);
    expect(stageHref("abc", "outcome")).toBe("/tickets/abc?stage=outcome");
    expect(stageHref("abc", "checklist", "checklist")).toBe("/tickets/abc?stage=checklist#checklist");
  });
});
