import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { recheckDueSteps } from "./recheck";

/**
 * Every minute: re-reads the tenant for steps left Unconfirmed whose next check is due
 * (RemediationAction.nextCheckAt, set by the verification with a growing interval), so a write
 * Graph accepted reaches Verified — and the ticket Contained — without anyone pressing a button.
 */
export const recheckDueStepsJob = defineJob({
  name: "remediation.recheck-due-steps",
  label: "Re-check unconfirmed remediation steps",
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 10 * 60,
  singletonKey: () => "due",
  schedule: { cron: "* * * * *", payload: {} },
  handler: (_payload, ctx) => recheckDueSteps(ctx.db),
});
