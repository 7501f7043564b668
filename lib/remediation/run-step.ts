import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError, notFound } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { isTimeout } from "@/lib/graph/errors";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getUser } from "@/lib/graph/users";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { formatTicketNumber } from "@/lib/tickets/format";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { checkApproval } from "./approvals";
import { isItemStep } from "./eradication";
import { assertEvidenceKept } from "./evidence";
import { resolveItem } from "./flagged-items";
import { generateTemporaryPassword, UNCONFIRMED_PASSWORD_NOTE } from "./generate-password";
import { markContainedIfVerified } from "./mark-contained";
import { findExistingOutcomes, previousResetAt, recordInterrupted, recordOutcomes, recordPending, stepIdempotencyKey, type StepOutcome } from "./record";
import { STEP_OPERATIONS, type StepCheck, type StepContext, type StepParams, type StepRun } from "./step-operations";
import { stepDef } from "./steps";

// Runs (or re-runs) one automated step alone, with the same record → call → verify → audit
// discipline as containment; when it settles the last containment step, the ticket is
// contained exactly as by the batch. An eradication step removes one flagged item (or, with
// none named, re-checks the tenant without writing) and is done only when nothing flagged is left.

export type StepRunResult = { outcome: StepOutcome | null; temporaryPassword: string | null; passwordNote: string | null; alreadyRan: boolean; awaitingApproval: string | null; contained: boolean };

const NO_ANSWER = "Graph did not answer in time; run the step again to be sure.";

export async function runStep(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; stepKey: string; params?: StepParams; idempotencyKey: string },
  deps: { graph?: TenantGraph } = {},
): Promise<StepRunResult> {
  assertCan(viewer, "remediation.run");
  const op = STEP_OPERATIONS[input.stepKey];
  if (!op) throw new AppError("INVALID_INPUT", "That step does not run through Graph.");
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: input.ticketId }, ticketScopeFor(viewer)] },
    select: { id: true, number: true, tenantId: true, affectedUpn: true, status: true, containedAt: true, tenant: { select: { disconnectedAt: true } } },
  });
  if (!ticket) throw notFound();
  assertTicketOpen(ticket, "run remediation");
  const none = { temporaryPassword: null, passwordNote: null, awaitingApproval: null, contained: Boolean(ticket.containedAt) };
  const key = stepIdempotencyKey(input.idempotencyKey, input.stepKey);
  const [existing] = await findExistingOutcomes(db, [key]);
  if (existing) return { ...none, outcome: existing, alreadyRan: true };
  await assertEvidenceKept(db, ticket.id, input.stepKey);
  const stepCtx: StepContext = { upn: ticket.affectedUpn, item: null, targets: [] };
  let params = input.params ?? {};
  if (isItemStep(input.stepKey)) {
    const resolved = await resolveItem(db, ticket, input.stepKey, params);
    Object.assign(stepCtx, { item: resolved.item, targets: resolved.targets });
    params = resolved.params;
  }
  // A re-check writes nothing, so it never waits for a second person.
  const destructive = (stepDef(input.stepKey)?.destructive ?? false) && !(isItemStep(input.stepKey) && !stepCtx.item);
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const gate = await checkApproval(db, viewer, { ticketId: ticket.id, tenantId: ticket.tenantId, ticketNumber: ticket.number, upn: ticket.affectedUpn, stepKey: input.stepKey, destructive, params }, graph);
  if (gate.status === "waiting") return { ...none, outcome: null, alreadyRan: false, awaitingApproval: gate.reason };

  const ctx = { ticketId: ticket.id, tenantId: ticket.tenantId, actorId: viewer.id, ticketNumber: formatTicketNumber(ticket.number) };
  let actionId: string;
  try {
    const pending = [{ stepKey: input.stepKey, idempotencyKey: key, target: ticket.affectedUpn, params }];
    actionId = (await recordPending(db, { ...ctx, approvalId: gate.status === "approved" ? gate.approvalId : null }, pending)).get(input.stepKey)!;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ...none, outcome: (await findExistingOutcomes(db, [key]))[0]!, alreadyRan: true };
    throw error;
  }
  // Made before the call, so a timed-out reset still shows the password that may be in force.
  const password = input.stepKey === "reset-password" ? generateTemporaryPassword() : null;
  const secrets = { password, previousResetAt: password ? await previousResetAt(db, { tenantId: ticket.tenantId, target: ticket.affectedUpn, excludeIds: [actionId] }) : null };
  const startedAt = new Date();
  let outcome: StepOutcome;
  try {
    const user = await getUser(graph, ticket.affectedUpn);
    if (!user) throw new AppError("NOT_FOUND", `${ticket.affectedUpn} no longer exists in the tenant.`);
    let run: StepRun = { requestId: null };
    let timedOut = false;
    try {
      run = await op.write(graph, user.id, params, secrets, stepCtx);
    } catch (error) {
      if (!isTimeout(error)) throw error;
      timedOut = true;
    }
    // An item step whose read failed cannot say what is left: unknown, never done.
    const unread: StepCheck = { verified: null, observed: "Could not read the state back", state: isItemStep(input.stepKey) ? "UNKNOWN" : undefined };
    const check = await op.verify(graph, user.id, params, startedAt, secrets, { ...stepCtx, run }).catch(() => unread);
    const status = timedOut ? (check.verified ? "SUCCEEDED" : "UNKNOWN") : "SUCCEEDED";
    outcome = {
      stepKey: input.stepKey, actionId, status, requestIds: run.requestId ? [run.requestId] : [], errorMessage: status === "UNKNOWN" ? NO_ANSWER : null,
      verified: check.verified, observed: check.observed, state: check.state, progress: check.remaining ? { checked: check.checked ?? [], remaining: check.remaining } : undefined,
    };
  } catch (error) {
    if (!isAppError(error)) {
      await recordInterrupted(db, { ...ctx, target: ticket.affectedUpn }, [{ stepKey: input.stepKey, actionId }]);
      throw error;
    }
    const requestId = error.details?.requestId as string | null | undefined;
    outcome = { stepKey: input.stepKey, actionId, status: "FAILED", requestIds: requestId ? [requestId] : [], errorMessage: error.message, verified: null, observed: null, graphCode: (error.details?.graphCode as string | undefined) ?? null };
  }
  const contained = await db.$transaction(async (tx) => {
    await recordOutcomes(tx, { ...ctx, target: ticket.affectedUpn }, [outcome]);
    return markContainedIfVerified(tx, { ticketId: ticket.id, actorId: viewer.id });
  });
  return {
    outcome,
    temporaryPassword: outcome.status === "FAILED" ? null : password,
    passwordNote: password && outcome.status === "UNKNOWN" ? UNCONFIRMED_PASSWORD_NOTE : null,
    alreadyRan: false,
    awaitingApproval: null,
    contained,
  };
}
