import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { TenantGraph } from "@/lib/graph/client";
import { recordInterrupted } from "./record";
import { confirmTicketSteps } from "./recheck";
import { RUN_LOCK_MS } from "./run-lock";
import { expireTemporaryPasswords } from "./temporary-password";

// No step stays PENDING (Running) forever. A run whose process died — kill -9, a crash, a lost
// database connection after Graph was called — leaves its steps PENDING and its account locked.
// The sweeper, at start-up and every minute (the re-check job, jobs.ts), settles such runs: their
// steps become UNKNOWN with an end event on the timeline, the lock goes, and the tenant is read
// back at once (the UNKNOWN → verified path of recheck.ts), so the ticket shows what took.

export const CRASHED_MESSAGE =
  "The run was interrupted (the server stopped before it finished); the tenant is read back to see what took (run the step again if it stays unknown).";

export type SweepResult = { runs: number; steps: number; tickets: number; passwordsExpired: number };

/**
 * `everyRun`: every PENDING step belongs to a dead run (the embedded database at start-up: only
 * one process may open it). Otherwise (PostgreSQL, several instances) only runs whose lock has
 * expired, or whose steps are older than the lock's bound without a live lock, are settled.
 */
export async function settleInterruptedRuns(
  db: Db,
  options: { now?: Date; everyRun?: boolean; graphFor?: (tenantId: string) => Promise<TenantGraph> } = {},
): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const live = options.everyRun
    ? []
    : await db.accountRunLock.findMany({ where: { expiresAt: { gte: now } }, select: { ticketId: true, runKey: true } });
  const livePrefixes = live.map((l) => `${l.ticketId}:${l.runKey}:`);
  const pending = await db.remediationAction.findMany({
    where: {
      status: "PENDING",
      ticketId: { not: null },
      ...(options.everyRun ? {} : { startedAt: { lt: new Date(now.getTime() - RUN_LOCK_MS) } }),
    },
    select: { id: true, ticketId: true, tenantId: true, kind: true, target: true, idempotencyKey: true, requestedById: true },
  });
  // A step whose run still holds its lock is still running (a long throttle wait): leave it.
  const dead = pending.filter((a) => !livePrefixes.some((p) => a.idempotencyKey.startsWith(p)));
  const runs = new Map<string, typeof dead>();
  for (const a of dead) {
    const run = a.idempotencyKey.slice(0, a.idempotencyKey.lastIndexOf(":"));
    runs.set(run, [...(runs.get(run) ?? []), a]);
  }
  for (const actions of runs.values()) {
    const a = actions[0]!;
    await recordInterrupted(
      db,
      { ticketId: a.ticketId!, tenantId: a.tenantId, actorId: null, target: a.target },
      actions.map((x) => ({ stepKey: x.kind, actionId: x.id })),
      { message: CRASHED_MESSAGE, cause: "crash" },
    );
  }
  await db.accountRunLock.deleteMany({ where: options.everyRun ? {} : { expiresAt: { lt: now } } });
  const tickets = [...new Set(dead.map((a) => a.ticketId!))];
  for (const ticketId of tickets) {
    const tenantId = dead.find((a) => a.ticketId === ticketId)!.tenantId;
    // Unreadable now (tenant down, disconnected): the re-check schedule tries again.
    await confirmTicketSteps(db, ticketId, null, {
      forMs: 0,
      graph: options.graphFor ? await options.graphFor(tenantId) : undefined,
    }).catch(() => undefined);
  }
  const passwordsExpired = await expireTemporaryPasswords(db, now);
  return { runs: runs.size, steps: dead.length, tickets: tickets.length, passwordsExpired };
}
