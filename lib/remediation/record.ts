import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { isItemStep } from "./eradication";
import { acquireRunLock, describeRunningRun } from "./run-lock";
import { storeTemporaryPassword } from "./temporary-password";

// The execution record of docs/design-basis.md (Execution record): a RemediationAction row is PENDING before Graph is
// called, then SUCCEEDED / FAILED / UNKNOWN with request ids and the verification read. The
// idempotency key is unique, so a retry or a double click finds the first run instead of
// writing again.

export type ActionStatus = "PENDING" | "SUCCEEDED" | "FAILED" | "UNKNOWN";

export type StepOutcome = {
  stepKey: string;
  actionId: string;
  status: ActionStatus;
  requestIds: string[];
  /** The client-request-id we set on each call or batch item (Graph gives batch items no request id of their own). */
  clientRequestIds?: string[];
  errorMessage: string | null;
  verified: boolean | null;
  observed: string | null;
  /** Graph's error code of a FAILED step (also when the whole batch failed). */
  graphCode?: string | null;
  /** An item step's state from its re-read (done only when nothing flagged is left). */
  state?: "DONE" | "IN_PROGRESS" | "TODO" | "UNKNOWN";
  /** An item step's re-read: the flagged ids checked and those still there. */
  progress?: { checked: string[]; remaining: string[] };
  /** Graph accepted the write (or did not answer) and reads go on until then to confirm it: "Verifying…". */
  verifyingUntil?: Date | null;
  /** Past the bound without confirmation: when it is re-checked automatically (null = no more automatic checks). */
  nextCheckAt?: Date | null;
};

/**
 * The checklist state a run gives its step. Only a read that agrees makes a write Done: Graph is
 * eventually consistent, so an accepted write whose read has not caught up is Verifying… while
 * reads go on, then Unconfirmed — never Failed, and never Done (README, "Contained").
 */
export function stateOf(o: Pick<StepOutcome, "status" | "verified" | "state" | "verifyingUntil">, now = new Date()): string {
  if (o.status === "FAILED") return "FAILED";
  if (o.status === "PENDING") return "RUNNING";
  if (o.status === "SUCCEEDED" && o.verified === true) return o.state ?? "DONE";
  // A re-check of an item step writes nothing: the read's state is the answer.
  if (o.status === "SUCCEEDED" && o.state && o.verified !== false) return o.state;
  if (o.verifyingUntil && o.verifyingUntil.getTime() > now.getTime()) return "VERIFYING";
  return o.status === "UNKNOWN" ? "UNKNOWN" : "UNCONFIRMED";
}

/** The same, from a stored action: an item step's state is re-derived from its recorded re-read (none = unknown). */
export function stateOfRecorded(
  a: { kind: string; status: string; verified: boolean | null; verification: unknown; verifyingUntil?: Date | null },
  now = new Date(),
): string {
  const v = (a.verification ?? {}) as { checked?: string[]; remaining?: string[] };
  const base = stateOf({ status: a.status as ActionStatus, verified: a.verified, verifyingUntil: a.verifyingUntil ?? null }, now);
  if (base !== "DONE" || !isItemStep(a.kind)) return base;
  if (!Array.isArray(v.remaining)) return "UNKNOWN";
  const removed = (v.checked?.length ?? 0) - v.remaining.length;
  return v.remaining.length === 0 ? "DONE" : removed > 0 ? "IN_PROGRESS" : "TODO";
}

/** Bound to the ticket: the same key sent with another ticket is another run, and finds nothing of this one. */
export const stepIdempotencyKey = (ticketId: string, key: string, stepKey: string) => `${ticketId}:${key}:${stepKey}`;

export async function findExistingOutcomes(db: Db, ticketId: string, keys: string[]): Promise<StepOutcome[]> {
  const rows = await db.remediationAction.findMany({ where: { ticketId, idempotencyKey: { in: keys } }, orderBy: { startedAt: "asc" } });
  return rows.map(outcomeOfRow);
}

/**
 * A run refused because another holds the account: what to tell its engineer, and that run's
 * steps so far when it is on the same ticket (another ticket's run is named, not shown).
 */
export async function runningRunOf(
  db: Db,
  ticketId: string,
  tenantId: string,
  account: string,
): Promise<{ words: string; outcomes: StepOutcome[] }> {
  const running = await describeRunningRun(db, tenantId, account);
  if (!running) return { words: `Another remediation of ${account} has just finished; the checklist shows its result.`, outcomes: [] };
  if (running.ticketId !== ticketId) return { words: `${running.words} (on another ticket)`, outcomes: [] };
  const rows = await db.remediationAction.findMany({
    where: { ticketId, idempotencyKey: { startsWith: `${ticketId}:${running.runKey}:` } },
    orderBy: { startedAt: "asc" },
  });
  return { words: running.words, outcomes: rows.map(outcomeOfRow) };
}

function outcomeOfRow(r: Awaited<ReturnType<Db["remediationAction"]["findFirstOrThrow"]>>): StepOutcome {
  return {
    stepKey: r.kind,
    actionId: r.id,
    status: r.status as ActionStatus,
    requestIds: r.requestIds,
    clientRequestIds: r.clientRequestIds,
    verifyingUntil: r.verifyingUntil,
    nextCheckAt: r.nextCheckAt,
    errorMessage: r.errorMessage,
    verified: r.verified,
    observed: (r.verification as { observed?: string } | null)?.observed ?? null,
    graphCode: r.errorCode,
  };
}

/** password: the temporary password a reset will set, stored encrypted with the PENDING row (temporary-password.ts). */
export type PendingAction = { stepKey: string; idempotencyKey: string; target: string; params?: Prisma.InputJsonValue; password?: string };

/**
 * Records the steps as PENDING (and their checklist rows RUNNING) before any Graph call, taking
 * the account's run lock (run-lock.ts: a concurrent run fails here) and storing a reset's
 * password. An approval that allows the run is consumed in the same transaction: one approval
 * starts one run, once, even when two runs race for it (the loser changes nothing and is told why).
 */
export async function recordPending(
  db: Db,
  ctx: {
    ticketId: string;
    tenantId: string;
    actorId: string;
    ticketNumber: string;
    approvalId?: string | null;
    run: { account: string; runKey: string };
  },
  actions: PendingAction[],
): Promise<Map<string, string>> {
  return db.$transaction(async (tx) => {
    await acquireRunLock(tx, {
      tenantId: ctx.tenantId,
      account: ctx.run.account,
      ticketId: ctx.ticketId,
      actorId: ctx.actorId,
      runKey: ctx.run.runKey,
    });
    const ids = new Map<string, string>();
    for (const a of actions) {
      const row = await tx.remediationAction.create({
        data: {
          ticketId: ctx.ticketId,
          tenantId: ctx.tenantId,
          kind: a.stepKey,
          target: a.target,
          params: a.params,
          idempotencyKey: a.idempotencyKey,
          requestedById: ctx.actorId,
        },
        select: { id: true },
      });
      ids.set(a.stepKey, row.id);
      if (a.password)
        await storeTemporaryPassword(tx, {
          actionId: row.id,
          ticketId: ctx.ticketId,
          tenantId: ctx.tenantId,
          account: a.target,
          ownerId: ctx.actorId,
          password: a.password,
        });
      await tx.checklistStep.upsert({
        where: { ticketId_key: { ticketId: ctx.ticketId, key: a.stepKey } },
        create: { ticketId: ctx.ticketId, key: a.stepKey, state: "RUNNING", lastActionId: row.id },
        update: { state: "RUNNING", lastActionId: row.id, reason: null },
      });
    }
    if (ctx.approvalId) {
      const used = await tx.approval.updateMany({ where: { id: ctx.approvalId, status: "APPROVED" }, data: { status: "USED" } });
      if (used.count !== 1) throw new AppError("INVALID_STATE", "That approval was already used by another run: ask for a new approval.");
    }
    await recordAuditEvent(tx, {
      actorId: ctx.actorId,
      tenantId: ctx.tenantId,
      ticketId: ctx.ticketId,
      action: "remediation.started",
      target: ctx.ticketNumber,
      result: "PENDING",
      // items name what each step acts on (the rule, method or consent), for the timeline and the report.
      details: {
        steps: actions.map((a) => a.stepKey),
        items: actions.map((a) => ({ step: a.stepKey, params: a.params ?? null })),
        approvalId: ctx.approvalId ?? null,
      },
    });
    return ids;
  });
}

/** Writes each step's result, its checklist state and an audit event, in one transaction. */
export async function recordOutcomes(
  tx: Prisma.TransactionClient,
  ctx: { ticketId: string; tenantId: string; actorId: string | null; target: string },
  outcomes: StepOutcome[],
) {
  const now = new Date();
  for (const o of outcomes) {
    await tx.remediationAction.update({
      where: { id: o.actionId },
      data: {
        status: o.status,
        requestIds: o.requestIds,
        clientRequestIds: o.clientRequestIds ?? [],
        errorCode: o.graphCode ?? null,
        errorMessage: o.errorMessage,
        verified: o.verified,
        verification: o.observed ? { observed: o.observed, ...(o.progress ?? {}) } : undefined,
        finishedAt: now,
        verifiedAt: o.verified === true ? now : null,
        verifyingUntil: o.verifyingUntil ?? null,
        nextCheckAt: o.nextCheckAt ?? null,
        checks: o.observed ? 1 : 0,
      },
    });
    const state = stateOf(o, now);
    await tx.checklistStep.update({
      where: { ticketId_key: { ticketId: ctx.ticketId, key: o.stepKey } },
      data: { state, doneById: ctx.actorId, doneAt: now, lastActionId: o.actionId },
    });
    await recordStepEvent(tx, ctx, o, o.status, {
      error: o.errorMessage,
      graphCode: o.graphCode ?? null,
      verification: o.verifyingUntil ? "verifying" : o.verified === true ? "verified" : null,
    });
  }
}

/**
 * A step's audit event ("remediation.<step>"), as its outcome is recorded or its verification
 * concludes: Graph's request ids and what the read showed, with `details` of that moment.
 */
export async function recordStepEvent(
  tx: Prisma.TransactionClient,
  ctx: { ticketId: string; tenantId: string; actorId: string | null; target: string },
  o: Pick<StepOutcome, "stepKey" | "requestIds" | "verified" | "observed">,
  result: ActionStatus,
  details: Record<string, string | null>,
) {
  await recordAuditEvent(tx, {
    actorId: ctx.actorId,
    tenantId: ctx.tenantId,
    ticketId: ctx.ticketId,
    action: `remediation.${o.stepKey}`,
    target: ctx.target,
    result,
    requestIds: o.requestIds,
    details: { verified: o.verified, observed: o.observed, ...details },
  });
}

/** When Breachdesk last finished resetting this account's password (another run), if ever. */
export async function previousResetAt(db: Db, where: { tenantId: string; target: string; excludeIds: string[] }): Promise<Date | null> {
  const row = await db.remediationAction.findFirst({
    where: {
      tenantId: where.tenantId,
      target: where.target,
      kind: "reset-password",
      id: { notIn: where.excludeIds },
      finishedAt: { not: null },
      status: { not: "FAILED" },
    },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
  return row?.finishedAt ?? null;
}

export const INTERRUPTED_MESSAGE =
  "The run was interrupted by an unexpected error; the tenant is read back to see what took (run the step again if it stays unknown).";

/**
 * After an unexpected error, a crash or a shutdown past PENDING, the steps become UNKNOWN (a write
 * may have gone out) with a re-check due now — the tenant's state decides them (recheck.ts) —
 * never PENDING forever; the run gets its end event.
 */
export async function recordInterrupted(
  db: Db,
  ctx: { ticketId: string; tenantId: string; actorId: string | null; target: string },
  actions: { stepKey: string; actionId: string }[],
  why: { message?: string; cause?: string } = {},
) {
  const now = new Date();
  const outcomes: StepOutcome[] = actions.map((a) => ({
    ...a,
    status: "UNKNOWN",
    requestIds: [],
    errorMessage: why.message ?? INTERRUPTED_MESSAGE,
    verified: null,
    observed: null,
    nextCheckAt: now,
  }));
  await db
    .$transaction(async (tx) => {
      // Only steps still PENDING: a step the run did record keeps its outcome.
      const open = await tx.remediationAction.findMany({
        where: { id: { in: actions.map((a) => a.actionId) }, status: "PENDING" },
        select: { id: true },
      });
      const still = outcomes.filter((o) => open.some((r) => r.id === o.actionId));
      if (still.length === 0) return;
      await recordOutcomes(tx, ctx, still);
      await recordAuditEvent(tx, {
        actorId: ctx.actorId,
        tenantId: ctx.tenantId,
        ticketId: ctx.ticketId,
        action: "remediation.interrupted",
        target: ctx.target,
        result: "UNKNOWN",
        details: { steps: still.map((o) => o.stepKey), actionIds: still.map((o) => o.actionId), cause: why.cause ?? "error" },
      });
    })
    .catch(() => undefined); // the original error is what the caller reports
}
