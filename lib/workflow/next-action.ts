import type { ReviewStatus, TicketStatus } from "@/generated/prisma/enums";
import { CONTAINMENT_STEPS } from "@/lib/remediation/steps";
import { closeBlockers, type StepState } from "./close-gate";
import { stageHref } from "./stages";

// The one next thing the engineer should do, shown in the ticket's header on every stage, with a
// link to where it is done. Containment comes first whenever the account is not contained; then
// the customer's first reply, the required steps, resolving, the outcome and closing. Pure.

export type NextActionFacts = {
  id: string;
  status: TicketStatus;
  reviewStatus: ReviewStatus;
  assigneeId: string | null;
  firstResponseAt: Date | null;
  outcomeSummary: string | null;
  closureReason: string | null;
  steps: StepState[];
};

/** href null: the action is a header button (e.g. Assign to me, Resolve, Close). */
export type NextAction = { label: string; why: string; href: string | null };

export function nextAction(t: NextActionFacts): NextAction | null {
  if (t.status === "CLOSED") {
    return t.reviewStatus === "RETURNED"
      ? {
          label: "Revise the returned report",
          why: "The manager returned it with comments; revise the outcome and resubmit.",
          href: stageHref(t.id, "outcome"),
        }
      : null;
  }
  if (t.status === "NEW" || !t.assigneeId) return { label: "Pick the ticket up", why: "Nobody works it yet: Assign to me.", href: null };
  const settled = (key: string) => ["DONE", "SKIPPED", "NOT_APPLICABLE"].includes(t.steps.find((s) => s.key === key)?.state ?? "TODO");
  const containmentLeft = CONTAINMENT_STEPS.filter((k) => !settled(k));
  if (t.status !== "CONTAINED" && t.status !== "RESOLVED" && containmentLeft.length > 0) {
    return {
      label: "Contain the account",
      why: "Reset the password, enforce MFA, block sign-in and revoke sessions before anything else.",
      href: stageHref(t.id, "checklist", `step-${containmentLeft[0]}`),
    };
  }
  if (!t.firstResponseAt)
    return {
      label: "Tell the customer",
      why: "No public update yet: the first response is met by the first reply the customer can see.",
      href: stageHref(t.id, "updates", "comments-heading"),
    };
  const stepsLeft = closeBlockers(t.steps, { summary: "-", closureReason: "-" });
  if (stepsLeft.length > 0)
    return {
      label: "Finish the required steps",
      why: `${stepsLeft[0]!.message}${stepsLeft.length > 1 ? ` and ${stepsLeft.length - 1} more` : ""}.`,
      href: stageHref(t.id, "checklist", `step-${stepsLeft[0]!.key}`),
    };
  if (t.status !== "RESOLVED")
    return { label: "Resolve the ticket", why: "The required steps are done: resolve it (the SLA clocks stop).", href: null };
  if (!t.outcomeSummary?.trim() || !t.closureReason?.trim())
    return {
      label: "Write the outcome",
      why: "Closing needs the outcome summary and the closure reason.",
      href: stageHref(t.id, "outcome"),
    };
  return { label: "Close the ticket", why: "Everything required is done: closing sends the report for review.", href: null };
}
