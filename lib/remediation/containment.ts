import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { applyAccountChanges, type AccountChangeKind, type ChangeResult } from "@/lib/graph/account-changes";
import type { TenantGraph } from "@/lib/graph/client";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { formatTicketNumber } from "@/lib/tickets/format";
import { checkApproval } from "./approvals";
import { snapshotAlongside, type SnapshotAlongside } from "./evidence";
import { generateTemporaryPassword, UNCONFIRMED_PASSWORD_NOTE } from "./generate-password";
import { markContainedIfVerified } from "./mark-contained";
import { explainPrivileged } from "./privileged-refusal";
import { assertAcceptingRuns } from "./in-flight";
import { findExistingOutcomes, previousResetAt, recordInterrupted, recordOutcomes, stepIdempotencyKey, type StepOutcome } from "./record";
import { checkRunApproval, recordRunStart, runTracked } from "./start-run";
import { getRunnableTicket } from "./runnable-ticket";
import { endTemporaryPassword } from "./temporary-password";
import type { StepCheck } from "./step-operations";
import { CONTAINMENT_STEPS } from "./steps";
import { VERIFY_BOUND_MS } from "./verification-schedule";
import { checkRound, verifyUntil, type Verifying } from "./verify-loop";

// Contains the ticket's account: reset password, enforce MFA, block sign-in and revoke sessions
// in ONE round trip (lib/graph batches them by Graph version, in parallel), then reads the tenant
// back (one round trip per read) until each accepted write shows, within VERIFY_BOUND_MS
// (verify-loop.ts): Graph is eventually consistent, so a step whose read has not caught up is
// Verifying…, then Unconfirmed — never Failed. Recorded before, during and after; a repeated
// idempotency key returns the first run's record without touching Graph. Without an evidence
// snapshot yet, the snapshot is taken at the same time, so evidence is never skipped.

export type ContainmentResult = {
  outcomes: StepOutcome[];
  temporaryPassword: string | null;
  /** Set when the password may be in force but Graph did not confirm it. */
  passwordNote: string | null;
  alreadyRan: boolean;
  contained: boolean;
  awaitingApproval: string | null;
  snapshot: SnapshotAlongside;
  /** Steps still being verified (the caller continues with verifyTicketSteps). */
  verifying: boolean;
  /** Another run holds the account (run-lock.ts): who and since when; outcomes are that run's so far. */
  inProgress?: string | null;
};

const CHANGE_OF: Record<(typeof CONTAINMENT_STEPS)[number], AccountChangeKind> = {
  "reset-password": "resetPassword",
  "enforce-mfa": "enforceMfa",
  "block-sign-in": "blockSignIn",
  "revoke-sessions": "revokeSessions",
};

const NO_ANSWER =
  "Graph did not answer in time, or answered with a server error that can hide a change it made; the state read back decides (run the step again if it stays unknown).";

/** The first outcome of a step: failed, confirmed by the first read, or verifying until `until`. */
function firstOutcome(stepKey: string, actionId: string, result: ChangeResult, check: StepCheck | undefined, until: Date): StepOutcome {
  const clientRequestIds = result.clientRequestId ? [result.clientRequestId] : [];
  if (result.status === "refused") {
    return {
      stepKey,
      actionId,
      status: "FAILED",
      requestIds: result.requestId ? [result.requestId] : [],
      clientRequestIds,
      errorMessage: result.error.message,
      verified: null,
      observed: null,
      graphCode: result.graphCode,
    };
  }
  const confirmed = check?.verified === true;
  const base = {
    stepKey,
    actionId,
    clientRequestIds,
    verified: check?.verified ?? null,
    observed: check?.observed ?? null,
    verifyingUntil: confirmed ? null : until,
    nextCheckAt: confirmed ? null : until,
  };
  if (result.status === "no-answer")
    return { ...base, status: confirmed ? "SUCCEEDED" : "UNKNOWN", requestIds: [], errorMessage: confirmed ? null : NO_ANSWER };
  return { ...base, status: "SUCCEEDED", requestIds: result.requestId ? [result.requestId] : [], errorMessage: null };
}

export type ContainmentDeps = {
  graph?: TenantGraph;
  /** How long to keep re-reading before returning (default VERIFY_BOUND_MS); 0 = one read, the caller continues (verifyTicketSteps). */
  verifyForMs?: number;
};

export async function runContainment(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; idempotencyKey: string },
  deps: ContainmentDeps = {},
): Promise<ContainmentResult> {
  assertCan(viewer, "remediation.run");
  const ticket = await getRunnableTicket(db, viewer, input.ticketId);
  const none = {
    temporaryPassword: null,
    passwordNote: null,
    snapshot: { status: "not-run", message: null } as SnapshotAlongside,
    verifying: false,
  };
  const keys = CONTAINMENT_STEPS.map((s) => stepIdempotencyKey(ticket.id, input.idempotencyKey, s));
  const existing = await findExistingOutcomes(db, ticket.id, keys);
  if (existing.length > 0)
    return { ...none, outcomes: existing, alreadyRan: true, contained: Boolean(ticket.containedAt), awaitingApproval: null };
  assertAcceptingRuns();
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const gate = await checkRunApproval(db, viewer, ticket, { stepKey: "containment", destructive: true }, graph);
  if (gate.status === "waiting") return { ...none, outcomes: [], alreadyRan: false, contained: false, awaitingApproval: gate.reason };

  const ctx = { ticketId: ticket.id, tenantId: ticket.tenantId, actorId: viewer.id, ticketNumber: formatTicketNumber(ticket.number) };
  // Made before the call and stored (encrypted) with the PENDING rows: a crash after Graph
  // accepted the reset never loses the password in force (temporary-password.ts).
  const password = generateTemporaryPassword();
  const run = { account: ticket.affectedUpn, runKey: input.idempotencyKey };
  const pending = CONTAINMENT_STEPS.map((s, i) => ({
    stepKey: s,
    idempotencyKey: keys[i]!,
    target: ticket.affectedUpn,
    password: s === "reset-password" ? password : undefined,
  }));
  const start = await recordRunStart(db, { ...ctx, approvalId: gate.status === "approved" ? gate.approvalId : null, run }, pending);
  // Another run holds the account, or one with the same key got there first: show its progress.
  if (start.status === "in-progress")
    return { ...none, outcomes: start.outcomes, alreadyRan: true, contained: false, awaitingApproval: null, inProgress: start.words };
  if (start.status === "duplicate")
    return { ...none, outcomes: start.outcomes, alreadyRan: true, contained: false, awaitingApproval: null };
  const { actionIds } = start;
  const tracked = {
    ...ctx,
    target: ticket.affectedUpn,
    runKey: run.runKey,
    actions: CONTAINMENT_STEPS.map((s) => ({ stepKey: s, actionId: actionIds.get(s)! })),
  };
  return runTracked(db, tracked, () => contain(db, viewer, { ticket, ctx, actionIds, password, gate, graph }, deps));
}

type Started = {
  ticket: { id: string; tenantId: string; affectedUpn: string };
  ctx: { ticketId: string; tenantId: string; actorId: string; ticketNumber: string };
  actionIds: Map<string, string>;
  password: string;
  gate: Awaited<ReturnType<typeof checkApproval>>;
  graph: TenantGraph;
};

/** The run once recorded PENDING: write, read back, record, hand the password over. */
async function contain(
  db: Db,
  viewer: Viewer,
  { ticket, ctx, actionIds, password, gate, graph }: Started,
  deps: ContainmentDeps,
): Promise<ContainmentResult> {
  const lastReset = await previousResetAt(db, {
    tenantId: ticket.tenantId,
    target: ticket.affectedUpn,
    excludeIds: [...actionIds.values()],
  });
  const startedAt = new Date();
  const checkCtx = {
    upn: ticket.affectedUpn,
    userId: ticket.affectedUpn,
    item: null,
    targets: [],
    startedAt,
    previousResetAt: lastReset,
    run: { requestId: null },
  };
  const verifying = (results: Map<AccountChangeKind, ChangeResult>): Verifying[] =>
    CONTAINMENT_STEPS.filter((s) => results.get(CHANGE_OF[s])!.status !== "refused").map((s) => {
      const r = results.get(CHANGE_OF[s])!;
      return {
        actionId: actionIds.get(s)!,
        stepKey: s,
        status: r.status === "no-answer" ? "UNKNOWN" : "SUCCEEDED",
        ctx: checkCtx,
        outcome: {
          requestIds: r.status === "accepted" && r.requestId ? [r.requestId] : [],
          clientRequestIds: r.clientRequestId ? [r.clientRequestId] : [],
          errorMessage: r.status === "no-answer" ? NO_ANSWER : null,
        },
      };
    });
  const containAndRead = async () => {
    const changes = await applyAccountChanges(graph, ticket.affectedUpn, [
      { kind: "resetPassword", password },
      { kind: "enforceMfa" },
      { kind: "blockSignIn" },
      { kind: "revokeSessions" },
    ]);
    const steps = verifying(changes);
    return { changes, steps, checks: steps.length ? await checkRound(graph, steps, { audits: false }) : new Map<string, StepCheck>() };
  };
  const [{ changes, steps, checks }, snapshot] = await Promise.all([
    containAndRead(),
    snapshotAlongside(db, viewer, ticket.id, graph),
  ]).catch(async (error: unknown) => {
    await recordInterrupted(
      db,
      { ...ctx, target: ticket.affectedUpn },
      CONTAINMENT_STEPS.map((s) => ({ stepKey: s, actionId: actionIds.get(s)! })),
    );
    throw error;
  });
  const until = new Date(Date.now() + VERIFY_BOUND_MS);
  const first = CONTAINMENT_STEPS.map((step) =>
    firstOutcome(step, actionIds.get(step)!, changes.get(CHANGE_OF[step])!, checks.get(actionIds.get(step)!), until),
  );
  let outcomes = explainPrivileged(first, gate.targetRoles, ticket.affectedUpn);
  const scope = { ...ctx, target: ticket.affectedUpn };
  let contained = await db.$transaction(async (tx) => {
    await recordOutcomes(tx, scope, outcomes);
    return markContainedIfVerified(tx, { ticketId: ticket.id, actorId: viewer.id });
  });
  const open = steps.filter((s) => outcomes.find((o) => o.actionId === s.actionId)!.verifyingUntil);
  const verifyForMs = Math.min(deps.verifyForMs ?? VERIFY_BOUND_MS, VERIFY_BOUND_MS);
  if (open.length > 0 && verifyForMs > 0) {
    const settled = await verifyUntil(db, graph, scope, open, new Date(Date.now() + verifyForMs));
    outcomes = outcomes.map((o) => settled.outcomes.find((x) => x.actionId === o.actionId) ?? o);
    contained ||= settled.contained;
  }
  // Graph accepted it, or did not answer: the new password may be in force. Handing it over
  // erases the stored copy; a refused reset's password was never in force.
  const resetOutcome = outcomes.find((o) => o.stepKey === "reset-password");
  const inForce = resetOutcome?.status === "SUCCEEDED" || resetOutcome?.status === "UNKNOWN";
  await endTemporaryPassword(db, resetOutcome!.actionId, inForce ? "SHOWN" : "DISCARDED", viewer.id);
  return {
    outcomes,
    temporaryPassword: inForce ? password : null,
    passwordNote: resetOutcome?.status === "UNKNOWN" ? UNCONFIRMED_PASSWORD_NOTE : null,
    alreadyRan: false,
    contained,
    awaitingApproval: null,
    snapshot,
    verifying: outcomes.some((o) => o.verifyingUntil),
  };
}
