import { describe, expect, it } from "vitest";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { stageProgress, type ProgressFacts } from "./progress";

const empty: ProgressFacts = {
  status: "NEW", scope: { extraUsers: 0, domains: 0 }, impactRated: 0, impactCategories: 6, steps: [], traceRows: 0,
  advisories: { total: 0, sent: 0 }, preventive: { total: 0, done: 0 }, mfaChecked: false, outcome: { summary: false, closureReason: false },
};

describe("stage progress", () => {
  it("shows a fresh ticket as reported and nothing else started", () => {
    const p = stageProgress(empty);
    expect(p.intake!.state).toBe("Done");
    expect([p.scope!.state, p.impact!.state, p.checklist!.state, p.resolution!.state, p.prevention!.state, p.outcome!.state]).toEqual(Array(6).fill("Not started"));
  });
  it("counts a worked ticket stage by stage", () => {
    const steps = CHECKLIST_STEPS.filter((s) => s.mandatory).map((s) => ({ key: s.key, state: "DONE", reason: null }));
    const p = stageProgress({ ...empty, status: "CLOSED", scope: { extraUsers: 0, domains: 5 }, impactRated: 3, steps, traceRows: 470, advisories: { total: 4, sent: 1 }, preventive: { total: 4, done: 0 }, mfaChecked: true, outcome: { summary: true, closureReason: true } });
    expect(p.scope!.state).toBe("Done");
    expect(p.impact).toEqual({ state: "In progress", detail: "3 of 6 categories rated" });
    expect(p.checklist!.state).toBe("Done");
    expect(p.resolution).toEqual({ state: "In progress", detail: "trace run; 1 of 4 advisories sent" });
    expect(p.prevention!.state).toBe("Done");
    expect(p.outcome!.state).toBe("Done");
  });
});
