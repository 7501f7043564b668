import { z } from "zod";
import { verifyAuditChain } from "@/lib/audit/verify";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Hourly: walks the audit chain with its key and records the result (state on /admin/audit), so
 * a rewritten, deleted or inserted event is found even when nobody closes a report.
 * Here, not in lib/audit, because lib/jobs itself records audit events.
 */
export const verifyAuditChainJob = defineJob({
  name: "audit.verify-chain",
  label: "Verify the audit chain",
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  expireInSeconds: 15 * 60,
  singletonKey: () => "verify",
  schedule: { cron: "7 * * * *", payload: {} },
  handler: async (_payload, ctx) => {
    const run = await verifyAuditChain(ctx.db, "SCHEDULED");
    return { status: run.status };
  },
});
