import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { isTimeout, mayHaveApplied } from "@/lib/graph/errors";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getUser } from "@/lib/graph/users";
import { formatTicketNumber } from "@/lib/tickets/format";
import { checkApproval } from "./approvals";
import { isItemStep } from "./eradication";
import { assertEvidenceKept } from "./evidence";
import { resolveItem } from "./flagged-items";
import { generateTemporaryPassword, UNCONFIRMED_PASSWORD_NOTE } from "./generate-password";
import { markContainedIfVerified } from "./mark-contained";
import { explainPrivileged } from "./privileged-refusal";
import { readOnlyRuleInstructions } from "./manual-removal";
import { assertAcceptingRuns } from "./in-flight";
import { findExistingOutcomes, previousResetAt, recordInterrupted, recordOutcomes, stepIdempotencyKey, type StepOutcome } from "./record";
import { checkRunApproval, recordRunStart, runTracked } from "./start-run";
import { getRunnableTicket } from "./runnable-ticket";
import { endTemporaryPassword } from "./temporary-password";
import { STEP_OPERATIONS, type StepContext, type StepParams, type StepRun } from "./step-operations";
import { stepDef } from "./steps";
import { VERIFY_BOUND_MS } from "./verification-schedule";
import { checkRound, verifyUntil, type Verifying } from "./verify-loop";

// Runs (or re-runs) one automated step alone, with the same record → call → verify → audit
// discipline as containment: the write, one read right away, then — if Graph has not caught up —
// Verifying… and more reads until VERIFY_BOUND_MS (verify-loop.ts). When it settles the last
// containment step, the ticket is contained exactly as by the batch. An eradication step removes
// one flagged item (or, with none named, re-checks the tenant without writing) and is done only
// when nothing flagged is left.

/** inProgress: another run holds the account (run-lock.ts): who and since when. */
export type StepRunResult = {
  outcome: StepOutcome | null;
  temporaryPassword: string | null;
  passwordNote: string | null;
  alreadyRan: boolean;
  awaitingApproval: string | null;
  contained: boolean;
  verifying: boolean;
  inProgress?: string | null;
};

const NO_ANSWER = "Graph did not answer in time; the state read back decides (run the step again if it stays unknown).";
const SERVER_ERROR =
  "Graph answered with a server error, which can hide a change it made; the state read back decides (run the step again if it stays unknown).";

export type StepDeps = {
  graph?: TenantGraph;
  /** How long to keep re-reading before returning (default VERIFY_BOUND_MS); 0 = one read, the caller continues (verifyTicketSteps). */
  verifyForMs?: number;
};

export async function runStep(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; stepKey: string; params?: StepParams; idempotencyKey: string },
  deps: StepDeps = {},
): Promise<StepRunResult> {
  assertCan(viewer, "remediation.run");
  const op = STEP_OPERATIONS[input.stepKey];
  if (!op) throw new AppError("INVALID_INPUT", "That step does not run through Graph.");
  const ticket = await getRunnableTicket(db, viewer, input.ticketId);
  const none = {
    temporaryPassword: null,
    passwordNote: null,
    awaitingApproval: null,
    contained: Boolean(ticket.containedAt),
    verifying: false,
  };
  const key = stepIdempotencyKey(ticket.id, input.idempotencyKey, input.stepKey);
  const [existing] = await findExistingOutcomes(db, ticket.id, [key]);
  if (existing) return { ...none, outcome: existing, alreadyRan: true };
  assertAcceptingRuns();
  await assertEvidenceKept(db, ticket.id, input.stepKey);
  const stepCtx: StepContext = { upn: ticket.affectedUpn, item: null, targets: [] };
  let params = input.params ?? {};
  if (isItemStep(input.stepKey)) {
    const resolved = await resolveItem(db, ticket, input.stepKey, params);
    Object.assign(stepCtx, { item: resolved.item, targets: resolved.targets });
    params = resolved.params;
  }
  // A read-only rule cannot be deleted through Graph (messagerule.md): never try; say how instead.
  if (stepCtx.item?.readOnly) throw new AppError("INVALID_STATE", readOnlyRuleInstructions(stepCtx.item.label, ticket.affectedUpn));
  // A re-check writes nothing, so it never waits for a second person.
  const destructive = (stepDef(input.stepKey)?.destructive ?? false) && !(isItemStep(input.stepKey) && !stepCtx.item);
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const gate = await checkRunApproval(db, viewer, ticket, { stepKey: input.stepKey, destructive, params }, graph);
  if (gate.status === "waiting") return { ...none, outcome: null, alreadyRan: false, awaitingApproval: gate.reason };

  const ctx = { ticketId: ticket.id, tenantId: ticket.tenantId, actorId: viewer.id, ticketNumber: formatTicketNumber(ticket.number) };
  // Made before the call and stored (encrypted) with the PENDING row: a crash after Graph
  // accepted the reset never loses the password in force (temporary-password.ts).
  const password = input.stepKey === "reset-password" ? generateTemporaryPassword() : null;
  const run = { account: ticket.affectedUpn, runKey: input.idempotencyKey };
  const pending = [{ stepKey: input.stepKey, idempotencyKey: key, target: ticket.affectedUpn, params, password: password ?? undefined }];
  const start = await recordRunStart(db, { ...ctx, approvalId: gate.status === "approved" ? gate.approvalId : null, run }, pending);
  if (start.status === "in-progress") return { ...none, outcome: null, alreadyRan: true, inProgress: start.words };
  if (start.status === "duplicate") return { ...none, outcome: start.outcomes[0]!, alreadyRan: true };
  const actionId = start.actionIds.get(input.stepKey)!;
  const tracked = { ...ctx, target: ticket.affectedUpn, runKey: run.runKey, actions: [{ stepKey: input.stepKey, actionId }] };
  return runTracked(db, tracked, () =>
    runStarted(db, viewer, { ticket, ctx, actionId, password, gate, graph, op, stepCtx, params, stepKey: input.stepKey }, deps),
  );
}

type Started = {
  ticket: { id: string; tenantId: string; affectedUpn: string };
  ctx: { ticketId: string; tenantId: string; actorId: string; ticketNumber: string };
  actionId: string;
  password: string | null;
  gate: Awaited<ReturnType<typeof checkApproval>>;
  graph: TenantGraph;
  op: (typeof STEP_OPERATIONS)[string];
  stepCtx: StepContext;
  params: StepParams;
  stepKey: string;
};

/** The step once recorded PENDING: write, read back, record, hand a reset's password over. */
async function runStarted(
  db: Db,
  viewer: Viewer,
  { ticket, ctx, actionId, password, gate, graph, op, stepCtx, params, stepKey }: Started,
  deps: StepDeps,
): Promise<StepRunResult> {
  const input = { stepKey };
  const secrets = {
    password,
    previousResetAt: password
      ? await previousResetAt(db, { tenantId: ticket.tenantId, target: ticket.affectedUpn, excludeIds: [actionId] })
      : null,
  };
  const startedAt = new Date();
  const until = new Date(startedAt.getTime() + VERIFY_BOUND_MS);
  let outcome: StepOutcome;
  let verifying: Verifying | null = null;
  try {
    const user = await getUser(graph, ticket.affectedUpn);
    if (!user) throw new AppError("NOT_FOUND", `${ticket.affectedUpn} no longer exists in the tenant.`);
    let run: StepRun = { requestId: null };
    let timedOut = false;
    let noAnswer: string | null = null;
    try {
      run = await op.write(graph, user.id, params, secrets, stepCtx);
    } catch (error) {
      // A timeout or a 5xx may hide a change that was made: UNKNOWN, and the read decides.
      if (!mayHaveApplied(error)) throw error;
      timedOut = true;
      noAnswer = isTimeout(error) ? NO_ANSWER : SERVER_ERROR;
      const d = (error as AppError).details ?? {};
      run = { requestId: (d.requestId as string | null | undefined) ?? null, clientRequestId: d.clientRequestId as string | null };
    }
    const base = {
      requestIds: run.requestId ? [run.requestId] : [],
      clientRequestIds: run.clientRequestId ? [run.clientRequestId] : [],
      errorMessage: noAnswer,
    };
    verifying = {
      actionId,
      stepKey: input.stepKey,
      status: timedOut ? "UNKNOWN" : "SUCCEEDED",
      ctx: { ...stepCtx, userId: user.id, startedAt, previousResetAt: secrets.previousResetAt, run },
      outcome: base,
    };
    const check = (await checkRound(graph, [verifying], { audits: false })).get(actionId)!;
    const confirmed = check.verified === true;
    // A re-check of an item step (nothing written) is settled by its one read.
    const settled = confirmed || (isItemStep(input.stepKey) && !stepCtx.item);
    outcome = {
      stepKey: input.stepKey,
      actionId,
      ...base,
      status: confirmed ? "SUCCEEDED" : verifying.status,
      errorMessage: confirmed ? null : base.errorMessage,
      verified: check.verified,
      observed: check.observed,
      state: check.state,
      progress: check.remaining ? { checked: check.checked ?? [], remaining: check.remaining } : undefined,
      verifyingUntil: settled ? null : until,
      nextCheckAt: settled ? null : until,
    };
  } catch (error) {
    if (!isAppError(error)) {
      await recordInterrupted(db, { ...ctx, target: ticket.affectedUpn }, [{ stepKey: input.stepKey, actionId }]);
      throw error;
    }
    const d = error.details ?? {};
    outcome = {
      stepKey: input.stepKey,
      actionId,
      status: "FAILED",
      requestIds: d.requestId ? [d.requestId as string] : [],
      clientRequestIds: d.clientRequestId ? [d.clientRequestId as string] : [],
      errorMessage: error.message,
      verified: null,
      observed: null,
      graphCode: (d.graphCode as string | undefined) ?? null,
    };
    outcome = explainPrivileged([outcome], gate.targetRoles, ticket.affectedUpn)[0]!;
  }
  const scope = { ...ctx, target: ticket.affectedUpn };
  let contained = await db.$transaction(async (tx) => {
    await recordOutcomes(tx, scope, [outcome]);
    return markContainedIfVerified(tx, { ticketId: ticket.id, actorId: viewer.id });
  });
  const verifyForMs = Math.min(deps.verifyForMs ?? VERIFY_BOUND_MS, VERIFY_BOUND_MS);
  if (outcome.verifyingUntil && verifying && verifyForMs > 0) {
    const settled = await verifyUntil(db, graph, scope, [verifying], new Date(Date.now() + verifyForMs));
    outcome = settled.outcomes[0] ?? outcome;
    contained ||= settled.contained;
  }
  const inForce = password !== null && outcome.status !== "FAILED";
  if (password) await endTemporaryPassword(db, actionId, inForce ? "SHOWN" : "DISCARDED", viewer.id);
  return {
    outcome,
    temporaryPassword: inForce ? password : null,
    passwordNote: password && outcome.status === "UNKNOWN" ? UNCONFIRMED_PASSWORD_NOTE : null,
    alreadyRan: false,
    awaitingApproval: null,
    contained,
    verifying: Boolean(outcome.verifyingUntil),
  };
}
