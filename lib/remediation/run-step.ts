import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError, notFound } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { isTimeout } from "@/lib/graph/errors";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getUser } from "@/lib/graph/users";
import { formatTicketNumber } from "@/lib/tickets/format";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { findExistingOutcomes, recordOutcomes, recordPending, stepIdempotencyKey, type StepOutcome } from "./record";
import { checkApproval } from "./approvals";
import { STEP_OPERATIONS, type StepParams } from "./step-operations";
import { stepDef } from "./steps";

// Runs (or re-runs) one automated step alone, with the same record → call → verify → audit
// discipline as containment.

export async function runStep(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; stepKey: string; params?: StepParams; idempotencyKey: string },
  deps: { graph?: TenantGraph } = {},
): Promise<{ outcome: StepOutcome | null; temporaryPassword: string | null; alreadyRan: boolean; awaitingApproval: string | null }> {
  assertCan(viewer, "remediation.run");
  const op = STEP_OPERATIONS[input.stepKey];
  if (!op) throw new AppError("INVALID_INPUT", "That step does not run through Graph.");
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: input.ticketId }, ticketScopeFor(viewer)] },
    select: { id: true, number: true, tenantId: true, affectedUpn: true, status: true },
  });
  if (!ticket) throw notFound();
  if (ticket.status === "CLOSED") throw new AppError("INVALID_STATE", "This ticket is closed; reopen it to run remediation.");
  const key = stepIdempotencyKey(input.idempotencyKey, input.stepKey);
  const [existing] = await findExistingOutcomes(db, [key]);
  if (existing) return { outcome: existing, temporaryPassword: null, alreadyRan: true, awaitingApproval: null };
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const gate = await checkApproval(db, viewer, { ticketId: ticket.id, tenantId: ticket.tenantId, ticketNumber: ticket.number, upn: ticket.affectedUpn, stepKey: input.stepKey, destructive: stepDef(input.stepKey)?.destructive ?? false }, graph);
  if (gate.status === "waiting") return { outcome: null, temporaryPassword: null, alreadyRan: false, awaitingApproval: gate.reason };

  const ctx = { ticketId: ticket.id, tenantId: ticket.tenantId, actorId: viewer.id, ticketNumber: formatTicketNumber(ticket.number) };
  let actionId: string;
  try {
    actionId = (await recordPending(db, ctx, [{ stepKey: input.stepKey, idempotencyKey: key, target: ticket.affectedUpn, params: input.params ?? {} }])).get(input.stepKey)!;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { outcome: (await findExistingOutcomes(db, [key]))[0]!, temporaryPassword: null, alreadyRan: true, awaitingApproval: null };
    throw error;
  }
  const params = input.params ?? {};
  const startedAt = new Date();
  let outcome: StepOutcome;
  let graphCode: string | null = null;
  let password: string | null = null;
  try {
    const user = await getUser(graph, ticket.affectedUpn);
    if (!user) throw new AppError("NOT_FOUND", `${ticket.affectedUpn} no longer exists in the tenant.`);
    let requestId: string | null = null;
    let timedOut = false;
    try {
      const run = await op.write(graph, user.id, params);
      requestId = run.requestId;
      password = run.password ?? null;
    } catch (error) {
      if (!isTimeout(error)) throw error;
      timedOut = true;
    }
    const check = await op.verify(graph, user.id, params, startedAt).catch(() => ({ verified: null, observed: "Could not read the state back" }));
    const status = timedOut ? (check.verified ? "SUCCEEDED" : "UNKNOWN") : "SUCCEEDED";
    outcome = { stepKey: input.stepKey, actionId, status, requestIds: requestId ? [requestId] : [], errorMessage: status === "UNKNOWN" ? "Graph did not answer in time; run the step again to be sure." : null, verified: check.verified, observed: check.observed };
  } catch (error) {
    if (!isAppError(error)) throw error;
    graphCode = (error.details?.graphCode as string | undefined) ?? null;
    const requestId = error.details?.requestId as string | null | undefined;
    outcome = { stepKey: input.stepKey, actionId, status: "FAILED", requestIds: requestId ? [requestId] : [], errorMessage: error.message, verified: null, observed: null };
  }
  await db.$transaction((tx) => recordOutcomes(tx, { ...ctx, target: ticket.affectedUpn }, [outcome], new Map([[input.stepKey, graphCode]])));
  return { outcome, temporaryPassword: outcome.status === "FAILED" ? null : password, alreadyRan: false, awaitingApproval: null };
}
