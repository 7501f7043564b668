import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { recheckDueConnections } from "./connection-check";

/**
 * Daily: re-runs the connection check of every connected tenant not checked in the last day, so
 * a role or consent removed in the customer's tenant shows on the checklist before anyone needs it.
 */
export const recheckConnectionsJob = defineJob({
  name: "tenants.recheck-connections",
  label: "Re-check tenant connections",
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  expireInSeconds: 30 * 60,
  singletonKey: () => "daily",
  schedule: { cron: "40 3 * * *", payload: {} },
  handler: async (_payload, ctx) => {
    await recheckDueConnections(ctx.db);
    return {};
  },
});
