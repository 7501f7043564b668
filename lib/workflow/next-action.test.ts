import { describe, expect, it } from "vitest";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { nextAction, type NextActionFacts } from "./next-action";

const id = "3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b";
const base: NextActionFacts = {
  id,
  status: "TRIAGED",
  reviewStatus: "NONE",
  assigneeId: "e",
  firstResponseAt: null,
  outcomeSummary: null,
  closureReason: null,
  steps: [],
};
const allDone = CHECKLIST_STEPS.filter((s) => s.mandatory).map((s) => ({ key: s.key, state: "DONE", reason: null }));

describe("nextAction", () => {
  it("asks to pick up an unassigned ticket", () => {
    expect(nextAction({ ...base, status: "NEW", assigneeId: null })).toMatchObject({ label: "Pick the ticket up", href: null });
  });
  it("puts containment first while the account is not contained, even before the first reply", () => {
    expect(nextAction(base)).toMatchObject({ label: "Contain the account", href: `/tickets/${id}?stage=checklist#step-reset-password` });
    const partly = nextAction({ ...base, status: "REOPENED", steps: [{ key: "reset-password", state: "DONE", reason: null }] });
    expect(partly).toMatchObject({ label: "Contain the account", href: `/tickets/${id}?stage=checklist#step-enforce-mfa` });
  });
  it("then the customer's first reply, the required steps, resolve, the outcome and close", () => {
    const contained = { ...base, status: "CONTAINED" as const };
    expect(nextAction(contained)?.label).toBe("Tell the customer");
    const answered = { ...contained, firstResponseAt: new Date() };
    expect(nextAction(answered)).toMatchObject({
      label: "Finish the required steps",
      href: expect.stringContaining("?stage=checklist#step-"),
    });
    expect(nextAction({ ...answered, steps: allDone })).toMatchObject({ label: "Resolve the ticket", href: null });
    const resolved = { ...answered, steps: allDone, status: "RESOLVED" as const };
    expect(nextAction(resolved)).toMatchObject({ label: "Write the outcome", href: `/tickets/${id}?stage=outcome` });
    expect(nextAction({ ...resolved, outcomeSummary: "Contained", closureReason: "Done" })).toMatchObject({ label: "Close the ticket" });
  });
  it("sends a returned report back to the outcome, and says nothing on a closed ticket in review", () => {
    expect(nextAction({ ...base, status: "CLOSED", reviewStatus: "RETURNED" })?.href).toBe(`/tickets/${id}?stage=outcome`);
    expect(nextAction({ ...base, status: "CLOSED", reviewStatus: "IN_REVIEW" })).toBeNull();
  });
});
