import { resolveDatabaseTarget } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/create-client";
import { EnvError, getEnv, loadDotEnv } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import type { BossTimings } from "./boss";
import type { AnyJobKind } from "./define-job";
import { openJobQueue, setProcessJobQueue } from "./queue";

// `npm run worker` (scripts/worker.ts): a process that only works jobs, against PostgreSQL. Run
// as many as needed, on one machine or many. SIGTERM/SIGINT stop it gracefully (no new jobs;
// running ones get JOBS_SHUTDOWN_SECONDS to finish, then go back to the queue); a second signal
// exits at once. A process killed outright loses nothing: its running jobs are retried by
// another worker once their time limit (expireInSeconds) has passed.

export type WorkerProcessOptions = { kinds: readonly AnyJobKind[]; timings?: Partial<BossTimings> };

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

export async function runWorkerProcess(options: WorkerProcessOptions): Promise<void> {
  loadDotEnv();
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const target = resolveDatabaseTarget(env);
  if (target.kind !== "postgres") {
    fail("`npm run worker` needs DATABASE_URL (PostgreSQL). With the embedded database the app server runs the jobs itself.");
  }
  const logger = getLogger().child({ component: "worker", pid: process.pid });
  const { db, close } = await createPrismaClient(target);
  const queue = await openJobQueue({
    connection: { kind: "postgres", url: target.url },
    kinds: options.kinds,
    db,
    logger,
    runWorkers: true,
    timings: options.timings,
  });
  setProcessJobQueue(queue);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now; running jobs will be retried after their time limit");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "worker stopping");
    try {
      await queue.close(env.JOBS_SHUTDOWN_SECONDS * 1000);
      await close();
    } catch (error) {
      logger.error({ err: error }, "worker did not stop cleanly");
      process.exit(1);
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  logger.info("worker ready");
}
