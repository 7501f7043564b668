import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordStepEvent, stateOf, type StepOutcome } from "./record";
import { nextRecheckAt } from "./verification-schedule";
import type { VerifyScope } from "./verify-loop";

/**
 * Records what a verification run concluded for each step: confirmed (the read agrees), or —
 * the run over — unconfirmed, with its next automatic re-check. The checklist row moves only while
 * it still shows this action (a newer run of the step supersedes it). One audit event per step.
 */
export async function recordVerification(
  tx: Prisma.TransactionClient,
  scope: VerifyScope,
  outcomes: StepOutcome[],
  options: { laterChecks: number },
): Promise<StepOutcome[]> {
  const now = new Date();
  const written: StepOutcome[] = [];
  for (const o of outcomes) {
    const confirmed = o.verified === true;
    const next = confirmed ? null : nextRecheckAt(options.laterChecks, now);
    const outcome: StepOutcome = { ...o, verifyingUntil: null, nextCheckAt: next };
    await tx.remediationAction.update({
      where: { id: o.actionId },
      data: {
        status: o.status,
        errorMessage: o.errorMessage,
        verified: o.verified,
        verifiedAt: confirmed ? now : null,
        verification: { observed: o.observed, ...(o.progress ?? {}), checkedAt: now.toISOString() },
        verifyingUntil: null,
        nextCheckAt: next,
        checks: { increment: 1 },
      },
    });
    await tx.checklistStep.updateMany({
      where: { ticketId: scope.ticketId, key: o.stepKey, lastActionId: o.actionId },
      data: { state: stateOf(outcome, now) },
    });
    await recordStepEvent(tx, scope, o, o.status === "UNKNOWN" ? "UNKNOWN" : "SUCCEEDED", {
      verification: confirmed ? "verified" : "unconfirmed",
      nextCheckAt: next?.toISOString() ?? null,
    });
    written.push(outcome);
  }
  return written;
}
