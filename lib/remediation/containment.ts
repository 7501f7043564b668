import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError, notFound } from "@/lib/errors";
import { executeBatch, type BatchOutcome, type BatchStep } from "@/lib/graph/batch";
import type { TenantGraph } from "@/lib/graph/client";
import { isTimeout } from "@/lib/graph/errors";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { formatTicketNumber } from "@/lib/tickets/format";
import { checkApproval } from "./approvals";
import { generateTemporaryPassword } from "./generate-password";
import { findExistingOutcomes, recordOutcomes, recordPending, stepIdempotencyKey, type StepOutcome } from "./record";
import { CONTAINMENT_STEPS } from "./steps";
import { verifyStep, type ObservedState } from "./verification";

// Contains the ticket's account: reset password, enforce MFA, block sign-in and revoke sessions
// in ONE batched round trip, then one batched verification read. Recorded before, during and
// after; a repeated idempotency key returns the first run's record without touching Graph.

export type ContainmentResult = { outcomes: StepOutcome[]; temporaryPassword: string | null; alreadyRan: boolean; contained: boolean; awaitingApproval: string | null };

const activeStatuses = ["NEW", "TRIAGED", "REOPENED"] as const;

function writeSteps(upn: string, password: string): BatchStep[] {
  const user = `/users/${encodeURIComponent(upn)}`;
  return [
    { id: "reset-password", op: "resetPassword", method: "PATCH", path: user, body: { passwordProfile: { password, forceChangePasswordNextSignIn: true } } },
    { id: "enforce-mfa", op: "setMfaState", method: "PATCH", path: `${user}/authentication/requirements`, body: { perUserMfaState: "enforced" } },
    { id: "block-sign-in", op: "setAccountEnabled", method: "PATCH", path: user, body: { accountEnabled: false } },
    { id: "revoke-sessions", op: "revokeSessions", method: "POST", path: `${user}/revokeSignInSessions` },
  ];
}

async function readState(graph: TenantGraph, upn: string): Promise<ObservedState> {
  const user = `/users/${encodeURIComponent(upn)}`;
  try {
    const read = await executeBatch(graph, [
      { id: "user", op: "getUser", method: "GET", path: `${user}?$select=accountEnabled,signInSessionsValidFromDateTime` },
      { id: "mfa", op: "getMfaState", method: "GET", path: `${user}/authentication/requirements` },
    ], { version: "beta" });
    const u = read.get("user")?.error ? null : (read.get("user")?.body as { accountEnabled?: boolean; signInSessionsValidFromDateTime?: string } | null);
    const m = read.get("mfa")?.error ? null : (read.get("mfa")?.body as { perUserMfaState?: string } | null);
    return {
      accountEnabled: u?.accountEnabled ?? null,
      signInSessionsValidFrom: u?.signInSessionsValidFromDateTime ? new Date(u.signInSessionsValidFromDateTime) : null,
      perUserMfaState: m?.perUserMfaState ?? null,
    };
  } catch {
    return { accountEnabled: null, signInSessionsValidFrom: null, perUserMfaState: null };
  }
}

function outcomeOf(stepKey: string, actionId: string, result: BatchOutcome | "timeout" | AppError, state: ObservedState, startedAt: Date): StepOutcome {
  const check = verifyStep(stepKey, state, startedAt);
  if (result === "timeout") {
    // Nobody knows whether the write landed: the state read decides when it can.
    const status = check.verified === true ? "SUCCEEDED" : "UNKNOWN";
    return { stepKey, actionId, status, requestIds: [], errorMessage: status === "UNKNOWN" ? "Graph did not answer in time; run the step again to be sure." : null, verified: check.verified, observed: check.observed };
  }
  if (result instanceof AppError) return { stepKey, actionId, status: "FAILED", requestIds: [], errorMessage: result.message, verified: null, observed: null };
  const requestIds = result.requestId ? [result.requestId] : [];
  if (result.error) return { stepKey, actionId, status: "FAILED", requestIds, errorMessage: result.error.message, verified: null, observed: null };
  return { stepKey, actionId, status: "SUCCEEDED", requestIds, errorMessage: null, verified: check.verified, observed: check.observed };
}

export async function runContainment(db: Db, viewer: Viewer, input: { ticketId: string; idempotencyKey: string }, deps: { graph?: TenantGraph } = {}): Promise<ContainmentResult> {
  assertCan(viewer, "remediation.run");
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: input.ticketId }, ticketScopeFor(viewer)] },
    select: { id: true, number: true, tenantId: true, affectedUpn: true, status: true, containedAt: true },
  });
  if (!ticket) throw notFound();
  if (ticket.status === "CLOSED") throw new AppError("INVALID_STATE", "This ticket is closed; reopen it to run remediation.");
  const keys = CONTAINMENT_STEPS.map((s) => stepIdempotencyKey(input.idempotencyKey, s));
  const existing = await findExistingOutcomes(db, keys);
  if (existing.length > 0) return { outcomes: existing, temporaryPassword: null, alreadyRan: true, contained: Boolean(ticket.containedAt), awaitingApproval: null };
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const gate = await checkApproval(db, viewer, { ticketId: ticket.id, tenantId: ticket.tenantId, ticketNumber: ticket.number, upn: ticket.affectedUpn, stepKey: "containment", destructive: true }, graph);
  if (gate.status === "waiting") return { outcomes: [], temporaryPassword: null, alreadyRan: false, contained: false, awaitingApproval: gate.reason };

  const ctx = { ticketId: ticket.id, tenantId: ticket.tenantId, actorId: viewer.id, ticketNumber: formatTicketNumber(ticket.number) };
  let actionIds: Map<string, string>;
  try {
    actionIds = await recordPending(db, ctx, CONTAINMENT_STEPS.map((s, i) => ({ stepKey: s, idempotencyKey: keys[i]!, target: ticket.affectedUpn })));
  } catch (error) {
    // A concurrent run with the same key got there first.
    if ((error as { code?: string }).code === "P2002") return { outcomes: await findExistingOutcomes(db, keys), temporaryPassword: null, alreadyRan: true, contained: false, awaitingApproval: null };
    throw error;
  }

  const password = generateTemporaryPassword();
  const startedAt = new Date();
  let results: Map<string, BatchOutcome> | "timeout" | AppError;
  try {
    results = await executeBatch(graph, writeSteps(ticket.affectedUpn, password), { version: "beta" });
  } catch (error) {
    if (!isAppError(error)) throw error;
    results = isTimeout(error) ? "timeout" : error;
  }
  const state = await readState(graph, ticket.affectedUpn);
  const outcomes = CONTAINMENT_STEPS.map((step) =>
    outcomeOf(step, actionIds.get(step)!, results instanceof Map ? results.get(step)! : results, state, startedAt),
  );
  const errorCodes = new Map(
    CONTAINMENT_STEPS.map((s) => [s, results instanceof Map ? ((results.get(s)?.error?.details?.graphCode as string | undefined) ?? null) : null]),
  );
  const contained = outcomes.every((o) => o.status === "SUCCEEDED" && o.verified !== false);
  await db.$transaction(async (tx) => {
    await recordOutcomes(tx, { ...ctx, target: ticket.affectedUpn }, outcomes, errorCodes);
    if (contained) {
      const moveStatus = (activeStatuses as readonly string[]).includes(ticket.status);
      await tx.ticket.update({
        where: { id: ticket.id },
        data: { containedAt: ticket.containedAt ?? new Date(), ...(moveStatus ? { status: "CONTAINED" } : {}), version: { increment: 1 } },
      });
      if (moveStatus) {
        await recordAuditEvent(tx, { actorId: viewer.id, tenantId: ticket.tenantId, ticketId: ticket.id, action: "ticket.status_changed", target: ctx.ticketNumber, details: { from: ticket.status, to: "CONTAINED", reason: "Containment verified" } });
      }
    }
  });
  // UNKNOWN too: the new password may be in force, and nobody else will ever see it.
  const passwordStatus = outcomes.find((o) => o.stepKey === "reset-password")?.status;
  const passwordAccepted = passwordStatus === "SUCCEEDED" || passwordStatus === "UNKNOWN";
  return { outcomes, temporaryPassword: passwordAccepted ? password : null, alreadyRan: false, contained, awaitingApproval: null };
}
