import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { TenantGraph } from "@/lib/graph/client";
import { checkApproval } from "./approvals";
import { trackRun, type InFlightRun } from "./in-flight";
import { findExistingOutcomes, recordPending, runningRunOf, type PendingAction, type StepOutcome } from "./record";
import { isRunInProgress, releaseRunLock } from "./run-lock";

// The start and the end of a remediation run, shared by containment (its four steps at once) and
// a single step: the PENDING rows under the account's run lock (run-lock.ts), then the work
// tracked for a graceful shutdown (in-flight.ts), and the lock released whatever happens.

/** Whether a run on the ticket's account may start now or waits for a second person (approvals.ts). */
export function checkRunApproval(
  db: Db,
  viewer: Viewer,
  ticket: { id: string; tenantId: string; number: number; affectedUpn: string },
  step: { stepKey: string; destructive: boolean; params?: Record<string, unknown> },
  graph: TenantGraph,
) {
  const ctx = { ticketId: ticket.id, tenantId: ticket.tenantId, ticketNumber: ticket.number, upn: ticket.affectedUpn, ...step };
  return checkApproval(db, viewer, ctx, graph);
}

/** How recording the PENDING rows ended. */
export type RunStart =
  | { status: "started"; actionIds: Map<string, string> }
  /** Another run holds the account: who and since when, and that run's outcomes so far. */
  | { status: "in-progress"; words: string; outcomes: StepOutcome[] }
  /** A concurrent request with the same idempotency key got there first: its outcomes. */
  | { status: "duplicate"; outcomes: StepOutcome[] };

export async function recordRunStart(db: Db, ctx: Parameters<typeof recordPending>[1], pending: PendingAction[]): Promise<RunStart> {
  try {
    return { status: "started", actionIds: await recordPending(db, ctx, pending) };
  } catch (error) {
    if (isRunInProgress(error)) return { status: "in-progress", ...(await runningRunOf(db, ctx.ticketId, ctx.tenantId, ctx.run.account)) };
    if ((error as { code?: string }).code === "P2002")
      return {
        status: "duplicate",
        outcomes: await findExistingOutcomes(
          db,
          ctx.ticketId,
          pending.map((p) => p.idempotencyKey),
        ),
      };
    throw error;
  }
}

/** Does a started run's work, tracked for a graceful shutdown, then releases the account's run lock. */
export async function runTracked<T>(db: Db, run: InFlightRun, work: () => Promise<T>): Promise<T> {
  try {
    return await trackRun(run, work);
  } finally {
    await releaseRunLock(db, { tenantId: run.tenantId, account: run.target, runKey: run.runKey }).catch(() => undefined);
  }
}
