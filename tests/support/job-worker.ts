// A worker process for the tests: the same entry point as `npm run worker` (runWorkerProcess),
// with the test kinds and fast timings. Run with tsx --conditions=react-server.
import { runWorkerProcess } from "@/lib/jobs/worker-process";
import { FAST } from "./job-queue";
import { TEST_JOB_KINDS } from "./test-job-kinds";

runWorkerProcess({ kinds: TEST_JOB_KINDS, timings: FAST }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
