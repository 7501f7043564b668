import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/errors";
import { applyAccountChanges, readAccountState, type AccountChangeKind, type ChangeResult } from "@/lib/graph/account-changes";
import type { TenantGraph } from "@/lib/graph/client";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { formatTicketNumber } from "@/lib/tickets/format";
import { checkApproval } from "./approvals";
import { snapshotAlongside, type SnapshotAlongside } from "./evidence";
import { generateTemporaryPassword, UNCONFIRMED_PASSWORD_NOTE } from "./generate-password";
import { markContainedIfVerified } from "./mark-contained";
import { findExistingOutcomes, previousResetAt, recordInterrupted, recordOutcomes, recordPending, stepIdempotencyKey, type StepOutcome } from "./record";
import { CONTAINMENT_STEPS } from "./steps";
import { CLOCK_SKEW_MS, verifyStep, type ObservedState } from "./verification";

// Contains the ticket's account: reset password, enforce MFA, block sign-in and revoke sessions
// in ONE round trip (lib/graph batches them by Graph version, in parallel), then one round trip
// of verification reads. Recorded before, during and after; a repeated idempotency key returns
// the first run's record without touching Graph. Without an evidence snapshot yet, the snapshot
// is taken at the same time, so evidence is never skipped.

export type ContainmentResult = {
  outcomes: StepOutcome[];
  temporaryPassword: string | null;
  /** Set when the password may be in force but Graph did not confirm it. */
  passwordNote: string | null;
  alreadyRan: boolean;
  contained: boolean;
  awaitingApproval: string | null;
  snapshot: SnapshotAlongside;
};

const CHANGE_OF: Record<(typeof CONTAINMENT_STEPS)[number], AccountChangeKind> = {
  "reset-password": "resetPassword",
  "enforce-mfa": "enforceMfa",
  "block-sign-in": "blockSignIn",
  "revoke-sessions": "revokeSessions",
};

const NO_ANSWER = "Graph did not answer in time; run the step again to be sure.";

function outcomeOf(stepKey: string, actionId: string, result: ChangeResult, state: ObservedState, startedAt: Date): StepOutcome {
  if (result.status === "refused") {
    return { stepKey, actionId, status: "FAILED", requestIds: result.requestId ? [result.requestId] : [], errorMessage: result.error.message, verified: null, observed: null, graphCode: result.graphCode };
  }
  const check = verifyStep(stepKey, state, startedAt);
  if (result.status === "no-answer") {
    // Nobody knows whether the write landed: the state read decides when it can.
    const status = check.verified === true ? "SUCCEEDED" : "UNKNOWN";
    return { stepKey, actionId, status, requestIds: [], errorMessage: status === "UNKNOWN" ? NO_ANSWER : null, verified: check.verified, observed: check.observed };
  }
  return { stepKey, actionId, status: "SUCCEEDED", requestIds: result.requestId ? [result.requestId] : [], errorMessage: null, verified: check.verified, observed: check.observed };
}

export async function runContainment(db: Db, viewer: Viewer, input: { ticketId: string; idempotencyKey: string }, deps: { graph?: TenantGraph } = {}): Promise<ContainmentResult> {
  assertCan(viewer, "remediation.run");
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: input.ticketId }, ticketScopeFor(viewer)] },
    select: { id: true, number: true, tenantId: true, affectedUpn: true, status: true, containedAt: true, tenant: { select: { disconnectedAt: true } } },
  });
  if (!ticket) throw notFound();
  assertTicketOpen(ticket, "run remediation");
  const none = { temporaryPassword: null, passwordNote: null, snapshot: { status: "not-run", message: null } as SnapshotAlongside };
  const keys = CONTAINMENT_STEPS.map((s) => stepIdempotencyKey(input.idempotencyKey, s));
  const existing = await findExistingOutcomes(db, keys);
  if (existing.length > 0) return { ...none, outcomes: existing, alreadyRan: true, contained: Boolean(ticket.containedAt), awaitingApproval: null };
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const gate = await checkApproval(db, viewer, { ticketId: ticket.id, tenantId: ticket.tenantId, ticketNumber: ticket.number, upn: ticket.affectedUpn, stepKey: "containment", destructive: true }, graph);
  if (gate.status === "waiting") return { ...none, outcomes: [], alreadyRan: false, contained: false, awaitingApproval: gate.reason };

  const ctx = { ticketId: ticket.id, tenantId: ticket.tenantId, actorId: viewer.id, ticketNumber: formatTicketNumber(ticket.number) };
  let actionIds: Map<string, string>;
  try {
    actionIds = await recordPending(db, { ...ctx, approvalId: gate.status === "approved" ? gate.approvalId : null }, CONTAINMENT_STEPS.map((s, i) => ({ stepKey: s, idempotencyKey: keys[i]!, target: ticket.affectedUpn })));
  } catch (error) {
    // A concurrent run with the same key got there first.
    if ((error as { code?: string }).code === "P2002") return { ...none, outcomes: await findExistingOutcomes(db, keys), alreadyRan: true, contained: false, awaitingApproval: null };
    throw error;
  }

  // Made before the call, so a timed-out reset still shows the password that may be in force.
  const password = generateTemporaryPassword();
  const lastReset = await previousResetAt(db, { tenantId: ticket.tenantId, target: ticket.affectedUpn, excludeIds: [...actionIds.values()] });
  const startedAt = new Date();
  const containAndRead = async () => {
    const changes = await applyAccountChanges(graph, ticket.affectedUpn, [{ kind: "resetPassword", password }, { kind: "enforceMfa" }, { kind: "blockSignIn" }, { kind: "revokeSessions" }]);
    const state = await readAccountState(graph, ticket.affectedUpn, new Date(startedAt.getTime() - CLOCK_SKEW_MS));
    return { changes, state: { ...state, previousResetAt: lastReset } };
  };
  const [{ changes, state }, snapshot] = await Promise.all([containAndRead(), snapshotAlongside(db, viewer, ticket.id, graph)]).catch(async (error: unknown) => {
    await recordInterrupted(db, { ...ctx, target: ticket.affectedUpn }, CONTAINMENT_STEPS.map((s) => ({ stepKey: s, actionId: actionIds.get(s)! })));
    throw error;
  });
  const outcomes = CONTAINMENT_STEPS.map((step) => outcomeOf(step, actionIds.get(step)!, changes.get(CHANGE_OF[step])!, state, startedAt));
  const contained = await db.$transaction(async (tx) => {
    await recordOutcomes(tx, { ...ctx, target: ticket.affectedUpn }, outcomes);
    return markContainedIfVerified(tx, { ticketId: ticket.id, actorId: viewer.id });
  });
  // UNKNOWN too: the new password may be in force, and nobody else will ever see it.
  const passwordStatus = outcomes.find((o) => o.stepKey === "reset-password")?.status;
  return {
    outcomes,
    temporaryPassword: passwordStatus === "SUCCEEDED" || passwordStatus === "UNKNOWN" ? password : null,
    passwordNote: passwordStatus === "UNKNOWN" ? UNCONFIRMED_PASSWORD_NOTE : null,
    alreadyRan: false,
    contained,
    awaitingApproval: null,
    snapshot,
  };
}
