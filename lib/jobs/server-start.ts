import "server-only";
import { getOpenedDb } from "@/lib/db/client";
import { getEnv, isBuildPhase } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import type { AnyJobKind } from "./define-job";
import { openJobQueue, setProcessJobQueue } from "./queue";

// The app server's job queue, opened at start (instrumentation-node.ts). With the embedded
// database the server works the jobs itself (only one process may open PGlite); with PostgreSQL
// it does when JOBS_IN_PROCESS=1, and otherwise only enqueues and reads.

/** Run by scripts/server.mjs on SIGTERM/SIGINT before it exits. */
const SHUTDOWN_HOOK = Symbol.for("breachdesk.shutdown");
const RETRY_MS = 15_000;

export async function startServerJobs(kinds: readonly AnyJobKind[]): Promise<void> {
  if (isBuildPhase()) return;
  const env = getEnv();
  const logger = getLogger().child({ component: "jobs" });
  try {
    const { db, pglite } = await getOpenedDb();
    const queue = await openJobQueue({
      connection: pglite ? { kind: "pglite", pglite } : { kind: "postgres", url: env.DATABASE_URL! },
      kinds,
      db,
      logger,
      runWorkers: Boolean(pglite) || env.JOBS_IN_PROCESS,
    });
    setProcessJobQueue(queue);
    (globalThis as Record<symbol, unknown>)[SHUTDOWN_HOOK] = () => queue.close(env.JOBS_SHUTDOWN_SECONDS * 1000);
  } catch (error) {
    // The database may not be up yet: the pages say so on their own; try the queue again later.
    logger.error({ err: error }, `job queue did not start; retrying in ${RETRY_MS / 1000} s`);
    setTimeout(() => void startServerJobs(kinds), RETRY_MS).unref();
  }
}
