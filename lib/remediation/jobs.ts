import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { recheckDueSteps } from "./recheck";
import { settleInterruptedRuns } from "./sweep";

/**
 * Every minute: settles runs whose process died (sweep.ts: their steps stop being Running and are
 * read back), erases temporary passwords nobody revealed in time, then re-reads the tenant for steps left Unconfirmed whose next check is due
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
  handler: async (_payload, ctx) => {
    const swept = await settleInterruptedRuns(ctx.db);
    return { swept, ...(await recheckDueSteps(ctx.db)) };
  },
});
