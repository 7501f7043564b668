import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { recordInterrupted } from "./record";
import { releaseRunLock } from "./run-lock";

// The remediation runs this process is executing, for a graceful shutdown (scripts/server.mjs on
// SIGTERM): no new run starts, the running ones get up to a bound to finish, and what is still
// running then is recorded as interrupted (UNKNOWN, re-checked against the tenant at once by the
// next process) with its lock released, instead of being cut off silently.

export type InFlightRun = {
  ticketId: string;
  tenantId: string;
  actorId: string;
  target: string;
  runKey: string;
  actions: { stepKey: string; actionId: string }[];
};

type State = { runs: Map<InFlightRun, Promise<unknown>>; stopping: boolean };
const state: State = ((globalThis as { __breachdeskRuns?: State }).__breachdeskRuns ??= { runs: new Map(), stopping: false });

/** How long a shutdown waits for running remediation: a containment's write and its 20 s verification. */
export const SHUTDOWN_BOUND_MS = 25_000;

export const SHUTDOWN_MESSAGE =
  "The server shut down before this step finished; the tenant is read back to see what took (run the step again if it stays unknown).";

/** Refuses a new run while the process is shutting down (before anything is recorded). */
export function assertAcceptingRuns() {
  if (state.stopping)
    throw new AppError("UPSTREAM_UNAVAILABLE", "Breachdesk is restarting and does not start remediation now; try again in a minute.");
}

/** Runs `work` as a tracked run: a shutdown waits for it (up to its bound). */
export async function trackRun<T>(run: InFlightRun, work: () => Promise<T>): Promise<T> {
  const promise = work();
  state.runs.set(run, promise);
  try {
    return await promise;
  } finally {
    state.runs.delete(run);
  }
}

export const runsInFlight = () => state.runs.size;

/**
 * Stops new runs, waits up to `boundMs` for the running ones, then records the rest as
 * interrupted. Returns how many finished and how many were cut off.
 */
export async function drainRuns(db: Db, boundMs: number): Promise<{ finished: number; interrupted: number }> {
  state.stopping = true;
  const running = [...state.runs.entries()];
  if (running.length === 0) return { finished: 0, interrupted: 0 };
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, boundMs)));
  await Promise.race([Promise.allSettled(running.map(([, p]) => p)), bound]);
  clearTimeout(timer);
  const left = [...state.runs.keys()];
  for (const run of left) {
    await recordInterrupted(db, run, run.actions, { message: SHUTDOWN_MESSAGE, cause: "shutdown" });
    await releaseRunLock(db, { tenantId: run.tenantId, account: run.target, runKey: run.runKey }).catch(() => undefined);
  }
  getLogger().warn({ finished: running.length - left.length, interrupted: left.length }, "remediation runs at shutdown");
  return { finished: running.length - left.length, interrupted: left.length };
}

/** For tests: accept runs again. */
export function resumeRunsForTests() {
  state.stopping = false;
}
