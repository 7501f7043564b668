import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { pollTenantAlerts } from "./poll";

/** Reads one tenant's new alerts and risky users since its cursor; one unfinished poll per tenant. */
export const pollTenantAlertsJob = defineJob({
  name: "alerts.poll-tenant",
  label: "Read a tenant's Microsoft 365 alerts",
  payload: z.object({ tenantId: z.string().min(1) }),
  refs: (p) => ({ tenantId: p.tenantId }),
  singletonKey: (p) => p.tenantId,
  retry: { limit: 2, delaySeconds: 10, backoff: true },
  expireInSeconds: 5 * 60,
  concurrency: 4,
  handler: (p, ctx) => pollTenantAlerts(ctx.db, p.tenantId),
});

/**
 * Every minute (the poll interval): one poll job per connected tenant whose alerts are not off.
 * A job per tenant keeps a slow or throttled tenant from delaying the others.
 */
export const pollAlertsJob = defineJob({
  name: "alerts.poll",
  label: "Read Microsoft 365 alerts of every tenant",
  payload: z.object({}),
  singletonKey: () => "poll",
  retry: { limit: 1, delaySeconds: 10, backoff: false },
  expireInSeconds: 60,
  schedule: { cron: "* * * * *", payload: {} },
  handler: async (_p, ctx) => {
    const tenants = await ctx.db.tenant.findMany({ where: { disconnectedAt: null, entraTenantId: { not: null } }, select: { id: true } });
    const off = new Set(
      (await ctx.db.tenantAlertSetting.findMany({ where: { mode: "OFF" }, select: { tenantId: true } })).map((s) => s.tenantId),
    );
    let queued = 0;
    for (const t of tenants) if (!off.has(t.id) && (await enqueueJob(pollTenantAlertsJob, { tenantId: t.id })).created) queued++;
    return { tenants: tenants.length, queued };
  },
});
