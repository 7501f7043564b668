import { CHECKLIST_STEPS } from "@/lib/remediation/steps";

// Closing needs every mandatory checklist step done, skipped with a reason, or marked not
// applicable (with a reason), and an outcome written.

export type StepState = { key: string; state: string; reason: string | null };

export type CloseBlocker = { key: string; message: string };

export function closeBlockers(steps: StepState[], outcome: { summary: string | null; closureReason: string | null }): CloseBlocker[] {
  const blockers: CloseBlocker[] = [];
  for (const def of CHECKLIST_STEPS.filter((s) => s.mandatory)) {
    const step = steps.find((s) => s.key === def.key);
    const state = step?.state ?? "TODO";
    const settled = state === "DONE" || ((state === "SKIPPED" || state === "NOT_APPLICABLE") && Boolean(step?.reason?.trim()));
    if (!settled)
      blockers.push({
        key: def.key,
        message: `“${def.title}” is ${state === "TODO" ? "not done" : state.toLowerCase().replace("_", " ")}`,
      });
  }
  if (!outcome.summary?.trim()) blockers.push({ key: "outcome", message: "The outcome summary is empty" });
  if (!outcome.closureReason?.trim()) blockers.push({ key: "closureReason", message: "The closure reason is empty" });
  return blockers;
}
