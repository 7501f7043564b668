import { CHECKLIST_STEPS } from "@/lib/remediation/steps";

// Progress of each stage at a glance, from what the ticket holds. Pure and tested.

export type StageState = "Not started" | "In progress" | "Done";

export type ProgressFacts = {
  status: string;
  scope: { extraUsers: number; domains: number };
  impactRated: number;
  impactCategories: number;
  steps: { key: string; state: string; reason: string | null }[];
  traceRows: number;
  advisories: { total: number; sent: number };
  preventive: { total: number; done: number };
  mfaChecked: boolean;
  outcome: { summary: boolean; closureReason: boolean };
};

const settled = (s: { state: string; reason: string | null }) => s.state === "DONE" || ((s.state === "SKIPPED" || s.state === "NOT_APPLICABLE") && Boolean(s.reason));

export function stageProgress(f: ProgressFacts): Record<string, { state: StageState; detail: string }> {
  const mandatory = CHECKLIST_STEPS.filter((s) => s.mandatory);
  const doneMandatory = mandatory.filter((d) => f.steps.some((s) => s.key === d.key && settled(s))).length;
  const anyStep = f.steps.some((s) => s.state !== "TODO");
  const pick = (done: boolean, started: boolean): StageState => (done ? "Done" : started ? "In progress" : "Not started");
  return {
    intake: { state: "Done", detail: "Reported" },
    scope: { state: pick(f.scope.domains > 0, f.scope.extraUsers > 0), detail: `${f.scope.domains} recipient domains, ${f.scope.extraUsers} more accounts` },
    impact: { state: pick(f.impactRated === f.impactCategories, f.impactRated > 0), detail: `${f.impactRated} of ${f.impactCategories} categories rated` },
    checklist: { state: pick(doneMandatory === mandatory.length, anyStep), detail: `${doneMandatory} of ${mandatory.length} required steps settled` },
    resolution: {
      state: pick(f.advisories.total > 0 && f.advisories.sent === f.advisories.total, f.traceRows > 0 || f.advisories.total > 0),
      detail: `trace ${f.traceRows ? "run" : "not run"}; ${f.advisories.sent} of ${f.advisories.total} advisories sent`,
    },
    prevention: { state: pick(f.mfaChecked && f.preventive.total > 0, f.mfaChecked || f.preventive.total > 0), detail: `MFA coverage ${f.mfaChecked ? "checked" : "not checked"}; ${f.preventive.done} of ${f.preventive.total} measures done` },
    outcome: { state: pick(f.status === "CLOSED", f.outcome.summary || f.outcome.closureReason), detail: f.status === "CLOSED" ? "Closed" : f.outcome.summary ? "Outcome written" : "Outcome not written" },
  };
}
