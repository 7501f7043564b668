import { closeBlockers, type StepState } from "./close-gate";

// What the engineer is told before resolving: resolving is allowed with work left (the close gate
// comes at Close), but the confirmation names the required steps still open — the same words
// Close uses — and says when the customer has had no reply, since resolving does not count as
// the first response (lib/workflow/sla.ts). Pure and tested.

export function resolveWarnings(steps: StepState[], facts: { responded: boolean }): string[] {
  const stepsLeft = closeBlockers(steps, { summary: "-", closureReason: "-" }).map((b) => `${b.message} (required before closing)`);
  return [...stepsLeft, ...(facts.responded ? [] : ["The customer has had no public update yet: the first response will count as missed"])];
}
