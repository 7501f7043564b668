import { z } from "zod";
import { getEnv } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { containCampaignAccount } from "./contain-account";
import { verifyCampaignAccount } from "./verify-account";

const ZAccountJob = z.object({ ticketId: z.uuid(), tenantId: z.string().min(1), accountId: z.uuid() });
type AccountJob = z.infer<typeof ZAccountJob>;

/** Before an account's first read-back (its writes' replication takes seconds). */
const FIRST_READ_MS = 1_500;

/**
 * Contains one account of a campaign incident: one job per account, keyed by the account, so
 * two runs of an account never overlap across workers; the steps' own SENDING rows make each
 * Graph write happen once (contain-account.ts). Retried with backoff while Graph throttles or a
 * step is in doubt; a run lost with its process is picked up after expireInSeconds.
 */
export const containCampaignAccountJob = defineJob({
  name: "campaigns.contain-account",
  label: "Contain a campaign account",
  payload: ZAccountJob,
  refs: (p) => ({ ticketId: p.ticketId, tenantId: p.tenantId, group: campaignGroup(p.ticketId) }),
  singletonKey: (p) => `account:${p.accountId}`,
  retry: { limit: 12, delaySeconds: 3, backoff: true },
  // A run books its write slots, sends one round trip and records it: seconds, not minutes.
  expireInSeconds: 30,
  concurrency: 8,
  handler: async (p, ctx) => {
    const result = await containCampaignAccount(ctx.db, p.accountId, {
      signal: ctx.signal,
      isCancelled: ctx.isCancelled,
      writeLimit: getEnv().GRAPH_IDENTITY_WRITES_PER_SECOND,
    });
    // Its read-back runs as its own job, so a worker's slots keep writing while Graph catches up.
    // Entra's replicas lag by seconds: the first read waits a little rather than read in vain.
    if (result.verify)
      await enqueueJob(verifyCampaignAccountJob, p, {
        singletonKey: `verify:${p.accountId}`,
        startAfter: new Date(Date.now() + FIRST_READ_MS),
      });
    return result;
  },
});

/** The read-back of a campaign account's accepted writes (until VERIFY_BOUND_MS), then its later automatic re-checks of a campaign account's unconfirmed steps (the single path's schedule). */
export const verifyCampaignAccountJob = defineJob({
  name: "campaigns.verify-account",
  label: "Verify a campaign account's containment",
  payload: ZAccountJob,
  refs: (p) => ({ ticketId: p.ticketId, tenantId: p.tenantId, group: campaignGroup(p.ticketId) }),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  expireInSeconds: 60,
  // Reads are cheap for Graph, but in the embedded default they share the web process: few at once.
  concurrency: 4,
  handler: async (p, ctx) => {
    const result = await verifyCampaignAccount(ctx.db, p.accountId, { signal: ctx.signal });
    await recheckLater(p, result.nextCheckAt);
    return result;
  },
});

async function recheckLater(p: AccountJob, at: Date | null | undefined) {
  // Keyed by the time, so a re-check can schedule the next one while it still runs.
  if (at) await enqueueJob(verifyCampaignAccountJob, p, { startAfter: at, singletonKey: `verify:${p.accountId}:${at.toISOString()}` });
}

export function campaignGroup(ticketId: string): string {
  return `campaign:${ticketId}`;
}
