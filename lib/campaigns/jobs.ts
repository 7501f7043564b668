import { z } from "zod";
import { getEnv } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define-job";
import { containCampaignAccount } from "./contain-account";

/**
 * Contains one account of a campaign incident: one job per account, keyed by the account, so
 * two runs of an account never overlap across workers; the steps' own SENDING rows make each
 * Graph write happen once (contain-account.ts). Retried with backoff while Graph throttles or a
 * step is in doubt; a run lost with its process is picked up after expireInSeconds.
 */
export const containCampaignAccountJob = defineJob({
  name: "campaigns.contain-account",
  label: "Contain a campaign account",
  payload: z.object({ ticketId: z.uuid(), tenantId: z.string().min(1), accountId: z.uuid() }),
  refs: (p) => ({ ticketId: p.ticketId, tenantId: p.tenantId, group: campaignGroup(p.ticketId) }),
  singletonKey: (p) => `account:${p.accountId}`,
  retry: { limit: 12, delaySeconds: 3, backoff: true },
  // A run books its write slots, sends one round trip and records it: seconds, not minutes.
  expireInSeconds: 30,
  concurrency: 8,
  handler: (p, ctx) =>
    containCampaignAccount(ctx.db, p.accountId, {
      signal: ctx.signal,
      isCancelled: ctx.isCancelled,
      writeLimit: getEnv().GRAPH_IDENTITY_WRITES_PER_SECOND,
    }),
});

export function campaignGroup(ticketId: string): string {
  return `campaign:${ticketId}`;
}
