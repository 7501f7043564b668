import { verifyAuditChain } from "@/lib/audit/verify";
import { getOpenedDb } from "@/lib/db/client";
import { PgliteLockError } from "@/lib/db/pglite-lock";
import { EnvError, getEnv, isBuildPhase } from "@/lib/env";
import { getLogger } from "@/lib/logger";

// Runs once when the server starts. Refuses to start, with a message naming the problem, on a
// bad or incomplete configuration or when the embedded database is another process's: the
// database is opened here rather than at the first request, so a second server never serves pages.
// Then verifies the audit chain in the background (start-up does not wait for it); the result is
// recorded for /admin/audit and logged with the chain's head, so logs shipped elsewhere anchor it.
// Remediation runs a previous process left unfinished are settled (lib/remediation/sweep.ts),
// and a shutdown lets running remediation finish, within a bound (lib/remediation/in-flight.ts).
export async function startServer() {
  try {
    getEnv();
    if (isBuildPhase()) return;
    const { db, pglite } = await getOpenedDb();
    const [{ settleInterruptedRuns }, { drainRuns, SHUTDOWN_BOUND_MS }] = await Promise.all([
      import("@/lib/remediation/sweep"),
      import("@/lib/remediation/in-flight"),
    ]);
    // The embedded database has one process: every PENDING step at start-up is a dead run's.
    void settleInterruptedRuns(db, { everyRun: Boolean(pglite) }).then(
      (swept) => swept.steps > 0 && getLogger().warn(swept, "settled remediation runs interrupted by the previous stop"),
      (err: unknown) => getLogger().error({ err }, "settling interrupted remediation runs failed"),
    );
    (globalThis as Record<symbol, unknown>)[Symbol.for("breachdesk.shutdown.remediation")] = () => drainRuns(db, SHUTDOWN_BOUND_MS);
    void verifyAuditChain(db, "STARTUP").then(
      (run) =>
        getLogger()[run.status === "INTACT" ? "info" : "error"](
          {
            status: run.status,
            events: run.eventCount,
            headSeq: String(run.throughSeq),
            headHash: run.headHash,
            brokenSeq: run.brokenSeq?.toString() ?? null,
            reason: run.brokenReason,
          },
          "audit chain verified at start-up",
        ),
      (err: unknown) => getLogger().error({ err }, "audit chain verification could not run"),
    );
  } catch (error) {
    if (error instanceof EnvError || error instanceof PgliteLockError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

// Background jobs: open the queue (and, where this process works jobs, start the workers).
const [{ startServerJobs }, { JOB_KINDS }] = await Promise.all([import("@/lib/jobs/server-start"), import("@/jobs/registry")]);
await startServerJobs(JOB_KINDS);
