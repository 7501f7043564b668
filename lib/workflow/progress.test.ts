import { describe, expect, it } from "vitest";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { stageProgress, type ProgressFacts } from "./progress";

// A ticket as filed: the four recommended measures exist from the start, nothing else.
const fresh: ProgressFacts = {
  status: "NEW",
  scope: { extraUsers: 0, domains: 0 },
  impact: { assessed: 0, affected: 0, categories: 6 },
  steps: [],
  traceRows: 0,
  externalDomains: 0,
  advisories: { total: 0, sent: 0 },
  preventive: { total: 4, open: 4, touched: 0 },
  mfaChecked: false,
  outcome: { summary: false, lessons: false, closureReason: false },
};
const mandatoryDone = CHECKLIST_STEPS.filter((s) => s.mandatory).map((s) => ({ key: s.key, state: "DONE", reason: null as string | null }));

describe("stage progress", () => {
  it("shows a fresh ticket as reported and nothing else started, each saying what remains", () => {
    const p = stageProgress(fresh);
    expect(p.intake!.state).toBe("Done");
    expect([p.scope!.state, p.impact!.state, p.checklist!.state, p.resolution!.state, p.prevention!.state, p.outcome!.state]).toEqual(
      Array(6).fill("Not started"),
    );
    expect(p.prevention!.detail).toBe("4 of 4 measures open; MFA coverage not checked");
    expect(p.impact!.detail).toBe("Not assessed");
    expect(p.resolution!.detail).toBe("Trace not run; advisories not drafted");
    expect(p.outcome!.detail).toBe("Outcome, lessons learned and closure reason not written");
    expect(p.checklist!.detail).toBe(`${mandatoryDone.length} of ${mandatoryDone.length} required steps left`);
  });

  it("prevention is done only when MFA coverage is checked and no measure is left open", () => {
    const checked = { ...fresh, mfaChecked: true };
    expect(stageProgress({ ...checked, preventive: { total: 4, open: 3, touched: 1 } }).prevention).toEqual({
      state: "In progress",
      detail: "3 of 4 measures open",
    });
    expect(stageProgress({ ...fresh, preventive: { total: 4, open: 3, touched: 1 } }).prevention).toEqual({
      state: "In progress",
      detail: "3 of 4 measures open; MFA coverage not checked",
    });
    expect(stageProgress({ ...checked, preventive: { total: 4, open: 0, touched: 4 } }).prevention).toEqual({
      state: "Done",
      detail: "All 4 measures settled",
    });
    expect(stageProgress({ ...fresh, preventive: { total: 4, open: 0, touched: 4 } }).prevention!.state).toBe("In progress");
  });

  it("outcome is done once all three fields are written, and names the ones missing", () => {
    expect(stageProgress({ ...fresh, outcome: { summary: true, lessons: false, closureReason: true } }).outcome).toEqual({
      state: "In progress",
      detail: "Lessons learned not written",
    });
    expect(stageProgress({ ...fresh, outcome: { summary: true, lessons: false, closureReason: false } }).outcome).toEqual({
      state: "In progress",
      detail: "Lessons learned and closure reason not written",
    });
    expect(stageProgress({ ...fresh, status: "RESOLVED", outcome: { summary: true, lessons: true, closureReason: true } }).outcome).toEqual(
      { state: "Done", detail: "Outcome, lessons learned and closure reason written" },
    );
    expect(
      stageProgress({ ...fresh, status: "CLOSED", outcome: { summary: true, lessons: true, closureReason: true } }).outcome!.detail,
    ).toBe("Written; ticket closed");
  });

  it("counts a worked ticket stage by stage", () => {
    const p = stageProgress({
      ...fresh,
      status: "RESOLVED",
      scope: { extraUsers: 1, domains: 5 },
      impact: { assessed: 6, affected: 3, categories: 6 },
      steps: mandatoryDone,
      traceRows: 470,
      externalDomains: 4,
      advisories: { total: 4, sent: 2 },
      mfaChecked: true,
    });
    expect(p.scope).toEqual({ state: "Done", detail: "5 recipient domains, 1 more account" });
    expect(p.impact).toEqual({ state: "Done", detail: "3 of 6 categories affected" });
    expect(p.checklist).toEqual({ state: "Done", detail: `All ${mandatoryDone.length} required steps settled` });
    expect(p.resolution).toEqual({ state: "In progress", detail: "Trace run; 2 of 4 advisories not sent" });
    expect(stageProgress({ ...fresh, traceRows: 3, externalDomains: 0 }).resolution).toEqual({
      state: "Done",
      detail: "Trace run; no external recipients to advise",
    });
    expect(stageProgress({ ...fresh, traceRows: 3, externalDomains: 2, advisories: { total: 2, sent: 2 } }).resolution).toEqual({
      state: "Done",
      detail: "Trace run; 2 advisories sent",
    });
    // One step run is a start; a skip without a reason settles nothing.
    const started = stageProgress({
      ...fresh,
      steps: [
        { key: "snapshot", state: "DONE", reason: null },
        { key: "disable-forwarding", state: "SKIPPED", reason: " " },
      ],
    }).checklist!;
    expect(started).toEqual({ state: "In progress", detail: `${mandatoryDone.length - 1} of ${mandatoryDone.length} required steps left` });
  });
});
