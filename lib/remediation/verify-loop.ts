import "server-only";
import type { Db } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import { readAccountState, type AccountState } from "@/lib/graph/account-changes";
import type { TenantGraph } from "@/lib/graph/client";
import { sleep } from "@/lib/graph/retry";
import { markContainedIfVerified } from "./mark-contained";
import { recordVerification } from "./record-verification";
import type { StepOutcome } from "./record";
import { STEP_OPERATIONS, type CheckContext, type StepCheck } from "./step-operations";
import { CLOCK_SKEW_MS } from "./verification";
import { delayBeforeRead } from "./verification-schedule";

// Verification of accepted writes (Microsoft Entra is eventually consistent: a read right after a
// write may not show it — "Designing for eventual consistency for Microsoft Entra"). Each round
// reads what every step still being verified needs — the account's state once for all the
// containment steps, one round trip — and settles the steps whose read agrees at once (the
// ticket can become Contained mid-loop). Until the deadline the others stay Verifying…; past it
// they are Unconfirmed, with the next automatic re-check recorded (nextCheckAt) for the job queue
// or the "Check again" button. A disagreeing read never fails an accepted write.

/** One step being verified: its stored action, what its check needs, and what its write recorded. */
export type Verifying = {
  actionId: string;
  stepKey: string;
  /** UNKNOWN: Graph did not answer the write; a read that shows the change settles it as SUCCEEDED. */
  status: "SUCCEEDED" | "UNKNOWN";
  ctx: CheckContext;
  outcome: Pick<StepOutcome, "requestIds" | "clientRequestIds" | "errorMessage" | "graphCode">;
};

export type VerifyScope = { ticketId: string; tenantId: string; actorId: string | null; target: string };

/** The directory audit is a reports-bucket read (5 requests / 10 s per app and tenant): at most this often. */
const AUDIT_EVERY_MS = 5_000;

const UNREAD: StepCheck = { verified: null, observed: "Could not read the state back" };

/** Checks every step once, sharing one account read among the containment steps. */
export async function checkRound(graph: TenantGraph, pending: Verifying[], options: { audits: boolean }): Promise<Map<string, StepCheck>> {
  let account: Promise<AccountState> | null = null;
  const since = new Date(Math.min(...pending.map((p) => p.ctx.startedAt.getTime())) - CLOCK_SKEW_MS);
  const read = () => (account ??= readAccountState(graph, pending[0]!.ctx.userId, since, { audits: options.audits }));
  const checks = await Promise.all(
    pending.map(async (p) => {
      try {
        return [p.actionId, await STEP_OPERATIONS[p.stepKey]!.check(graph, p.ctx, read)] as const;
      } catch (error) {
        if (!isAppError(error)) throw error;
        // Throttled or unreadable: not yet known, never a failure of the write.
        return [
          p.actionId,
          { ...UNREAD, observed: `${UNREAD.observed}: ${error.message}`, state: p.ctx.item ? "UNKNOWN" : undefined } as StepCheck,
        ] as const;
      }
    }),
  );
  return new Map(checks);
}

function outcomeOf(p: Verifying, check: StepCheck, verifyingUntil: Date | null, nextCheckAt: Date | null): StepOutcome {
  const settled = check.verified === true;
  return {
    stepKey: p.stepKey,
    actionId: p.actionId,
    ...p.outcome,
    status: settled ? "SUCCEEDED" : p.status,
    errorMessage: settled ? null : p.outcome.errorMessage,
    verified: check.verified,
    observed: check.observed,
    state: check.state,
    progress: check.remaining ? { checked: check.checked ?? [], remaining: check.remaining } : undefined,
    verifyingUntil,
    nextCheckAt,
  };
}

/**
 * Re-reads until every step is confirmed or `deadline` passes (one round when it already has),
 * recording as it goes. `laterChecks`: how many automatic re-checks the steps already had.
 */
export async function verifyUntil(
  db: Db,
  graph: TenantGraph,
  scope: VerifyScope,
  steps: Verifying[],
  deadline: Date,
  laterChecks = 0,
): Promise<{ outcomes: StepOutcome[]; contained: boolean }> {
  const done: StepOutcome[] = [];
  let pending = steps;
  let contained = false;
  let lastAudit = 0;
  for (let round = 0; pending.length > 0; round++) {
    const audits = pending.some((p) => p.stepKey === "reset-password") && Date.now() - lastAudit >= AUDIT_EVERY_MS;
    if (audits) lastAudit = Date.now();
    const checks = await checkRound(graph, pending, { audits });
    const last = Date.now() + delayBeforeRead(round) >= deadline.getTime();
    const settled = pending.filter((p) => checks.get(p.actionId)!.verified === true);
    const open = pending.filter((p) => checks.get(p.actionId)!.verified !== true);
    const outcomes = [
      ...settled.map((p) => outcomeOf(p, checks.get(p.actionId)!, null, null)),
      ...(last ? open.map((p) => outcomeOf(p, checks.get(p.actionId)!, null, null)) : []),
    ];
    if (outcomes.length > 0) {
      const recorded = await db.$transaction(async (tx) => {
        const written = await recordVerification(tx, scope, outcomes, { laterChecks });
        return { written, contained: await markContainedIfVerified(tx, { ticketId: scope.ticketId, actorId: scope.actorId }) };
      });
      done.push(...recorded.written);
      contained ||= recorded.contained;
    }
    if (last) break;
    pending = open;
    if (pending.length > 0) await sleep(delayBeforeRead(round));
  }
  return { outcomes: done, contained };
}
