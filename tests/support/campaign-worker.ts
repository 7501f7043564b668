// A worker process for the campaign tests: `npm run worker`'s entry point with the campaign
// kind and fast timings. Run with tsx --conditions=react-server.
import { containCampaignAccountJob, verifyCampaignAccountJob } from "@/lib/campaigns/jobs";
import { runWorkerProcess } from "@/lib/jobs/worker-process";
import { FAST } from "./job-queue";

runWorkerProcess({ kinds: [containCampaignAccountJob, verifyCampaignAccountJob], timings: FAST }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
