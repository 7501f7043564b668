import { z } from "zod";
import { purgeExpiredSignInState } from "@/lib/auth/housekeeping";
import { defineJob } from "@/lib/jobs/define-job";

/** Hourly: drop expired failed-sign-in counters and session rows past any lifetime. */
export const purgeSignInStateJob = defineJob({
  name: "auth.purge-expired-sign-in-state",
  label: "Purge expired sign-in state",
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  expireInSeconds: 5 * 60,
  // Two purges at once would only race to delete the same rows.
  singletonKey: () => "purge",
  schedule: { cron: "17 * * * *", payload: {} },
  handler: (_payload, ctx) => purgeExpiredSignInState(ctx.db),
});
