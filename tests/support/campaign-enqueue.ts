// A second "app instance" for the campaign tests: its own process, database client and queue
// (no workers), calling the same service the checklist's action calls. Prints the result as JSON.
// Usage: tsx tests/support/campaign-enqueue.ts <ticketId> <viewer JSON>
import { startCampaignContainment } from "@/lib/campaigns/service";
import { containCampaignAccountJob, verifyCampaignAccountJob } from "@/lib/campaigns/jobs";
import { resolveDatabaseTarget } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { openJobQueue } from "@/lib/jobs/queue";
import { isAppError } from "@/lib/errors";
import { FAST, silentLogger } from "./job-queue";

async function main() {
  const [ticketId, viewerJson] = process.argv.slice(2);
  const target = resolveDatabaseTarget(getEnv());
  if (target.kind !== "postgres") throw new Error("needs DATABASE_URL");
  const { db, close } = await createPrismaClient(target);
  const queue = await openJobQueue({
    connection: { kind: "postgres", url: target.url },
    kinds: [containCampaignAccountJob, verifyCampaignAccountJob],
    db,
    logger: silentLogger,
    runWorkers: false,
    timings: FAST,
  });
  try {
    const result = await startCampaignContainment(db, JSON.parse(viewerJson!), { ticketId: ticketId! }, { queue });
    console.log(JSON.stringify({ ok: true, ...result }));
  } catch (error) {
    // The other instance may have queued everything first: that is an answer, not a failure.
    if (isAppError(error) && error.code === "INVALID_STATE") console.log(JSON.stringify({ ok: true, accounts: 0, steps: 0 }));
    else throw error;
  } finally {
    await queue.close();
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
