import { CHECKLIST_STEPS } from "@/lib/remediation/steps";

// What is still in progress when a ticket is closed: closing is allowed (the close gate in
// close-gate.ts decides that), but the engineer is told what the report will show as unfinished.
// Pure and tested.

export type CloseWarningFacts = {
  advisories: { total: number; drafts: number };
  /** Measures still OPEN or IN_PROGRESS. */
  preventive: { total: number; open: number };
  mfaChecked: boolean;
  traceRun: boolean;
  steps: { key: string; state: string }[];
  lessonsLearned: boolean;
  pendingApprovals: number;
};

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const be = (count: number) => (count === 1 ? "is" : "are");
/** Optional steps that were started but did not end (mandatory ones are close blockers). */
const UNFINISHED: Record<string, string> = {
  RUNNING: "is still running",
  IN_PROGRESS: "is in progress",
  FAILED: "failed",
  UNKNOWN: "has an unknown outcome",
  WAITING_APPROVAL: "is waiting for approval",
  VERIFYING: "is still being verified",
  UNCONFIRMED: "was accepted by Graph but no read has confirmed it yet",
};

export function closeWarnings(f: CloseWarningFacts): string[] {
  const warnings: string[] = [];
  if (f.advisories.drafts > 0)
    warnings.push(`${f.advisories.drafts} of ${n(f.advisories.total, "advisory", "advisories")} ${be(f.advisories.drafts)} still drafts`);
  if (!f.traceRun) warnings.push("No message trace was run");
  if (f.preventive.open > 0)
    warnings.push(`${f.preventive.open} of ${n(f.preventive.total, "preventive measure")} ${be(f.preventive.open)} still open`);
  if (!f.mfaChecked) warnings.push("The tenant's MFA coverage was not checked");
  for (const def of CHECKLIST_STEPS.filter((s) => !s.mandatory)) {
    const state = f.steps.find((s) => s.key === def.key)?.state;
    if (state && UNFINISHED[state]) warnings.push(`“${def.title}” ${UNFINISHED[state]}`);
  }
  if (f.pendingApprovals > 0) warnings.push(`${n(f.pendingApprovals, "approval request")} ${be(f.pendingApprovals)} still waiting`);
  if (!f.lessonsLearned) warnings.push("Lessons learned are not written");
  return warnings;
}
