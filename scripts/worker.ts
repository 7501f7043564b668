// `npm run worker`: works background jobs against PostgreSQL (DATABASE_URL), in its own process.
// Scale by running more of them. See lib/jobs/worker-process.ts and docs/jobs.md.
import { JOB_KINDS } from "@/jobs/registry";
import { runWorkerProcess } from "@/lib/jobs/worker-process";

runWorkerProcess({ kinds: JOB_KINDS }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
