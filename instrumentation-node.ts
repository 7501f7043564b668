import { EnvError, getEnv, isBuildPhase } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { PgliteLockError } from "@/lib/db/pglite-lock";

// Runs once when the server starts. Refuses to start, with a message naming the problem, on a
// bad or incomplete configuration or when the embedded database is another process's: the
// database is opened here rather than at the first request, so a second server never serves pages.
export async function startServer() {
  try {
    getEnv();
    if (!isBuildPhase()) await getDb();
  } catch (error) {
    if (error instanceof EnvError || error instanceof PgliteLockError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
