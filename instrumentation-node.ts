import { EnvError, getEnv } from "@/lib/env";

// Refuse to start on a bad or incomplete configuration, naming each missing variable.
try {
  getEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

// Background jobs: open the queue (and, where this process works jobs, start the workers).
const [{ startServerJobs }, { JOB_KINDS }] = await Promise.all([import("@/lib/jobs/server-start"), import("@/jobs/registry")]);
await startServerJobs(JOB_KINDS);
