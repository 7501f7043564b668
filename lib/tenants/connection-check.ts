import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { isReady, readConnectionChecklist, type ChecklistItem } from "@/lib/graph/connection-checklist";
import { getDeploymentApp } from "@/lib/graph/deployment-app";
import { DEPLOYMENT_APP_PERMISSIONS } from "@/lib/graph/operations";
import { runPreflight } from "@/lib/graph/preflight";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getLogger } from "@/lib/logger";
import { findConnectableTenant } from "./connection-access";

// The connection check of one tenant: the checklist of what consent cannot grant
// (lib/graph/connection-checklist.ts) and what each Graph operation can do (preflight), stored
// as a TenantConnectionCheck so the tenant's page shows the last one without calling Graph.
// Run right after consent, after the guided setup, on demand, and daily (recheckDueConnections,
// for the job queue).

export type CheckTrigger = "CONSENT" | "SETUP" | "MANUAL" | "DAILY";
export type CheckDeps = { graph?: TenantGraph };

const GRAPH_OPTIONS = { retry: { maxRetries: 1, delaySeconds: 1 }, timeoutMs: 15_000 };

/** Microsoft may take a minute to apply a new consent (replication): say so instead of alarming. */
const CONSENT_DELAY_NOTE = " Microsoft can take a minute to apply a new consent: check again shortly.";

export async function runConnectionCheck(
  db: Db,
  tenantId: string,
  trigger: CheckTrigger,
  checkedById: string | null,
  deps: CheckDeps = {},
) {
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { connectionMode: true, clientId: true, serviceMailbox: true, consentedAt: true },
  });
  const deploymentApp = tenant.connectionMode === "DEPLOYMENT_APP";
  const appClientId = deploymentApp ? ((await getDeploymentApp().catch(() => null))?.clientId ?? null) : tenant.clientId;
  const lastAdvisory = tenant.serviceMailbox
    ? await db.advisory.findFirst({
        where: {
          status: { in: ["SENT", "ACKNOWLEDGED"] },
          sentAt: { not: null, ...(tenant.consentedAt ? { gte: tenant.consentedAt } : {}) },
          ticket: { tenantId },
        },
        orderBy: { sentAt: "desc" },
        select: { sentAt: true },
      })
    : null;

  let graph: TenantGraph | null = deps.graph ?? null;
  let error: string | null = null;
  if (!graph) {
    try {
      graph = await getTenantGraph(db, tenantId, GRAPH_OPTIONS);
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = e.message;
    }
  }
  let items: ChecklistItem[];
  let connected = false;
  let operations: Prisma.InputJsonValue | undefined;
  let servicePrincipalId: string | null = null;
  if (graph && appClientId) {
    const checklist = await readConnectionChecklist(graph, {
      appClientId,
      requiredPermissions: deploymentApp ? DEPLOYMENT_APP_PERMISSIONS : null,
      serviceMailbox: tenant.serviceMailbox,
      lastAdvisorySentAt: lastAdvisory?.sentAt ?? null,
    });
    ({ connected, items, servicePrincipalId } = checklist);
    error = checklist.error;
    if (trigger === "CONSENT" && !connected)
      items = items.map((i) => (i.key === "consent" ? { ...i, detail: i.detail + CONSENT_DELAY_NOTE } : i));
    if (connected)
      operations = (await runPreflight(graph, { mailSendThroughExchangeScope: deploymentApp })).rows as unknown as Prisma.InputJsonValue;
  } else {
    const why = error ?? "Breachdesk's app is not configured on this deployment.";
    items = [{ key: "consent", state: "unknown", required: true, detail: why }];
    error = why;
  }
  const ready = connected && isReady(items);
  const check = await db.$transaction(async (tx) => {
    const row = await tx.tenantConnectionCheck.create({
      data: { tenantId, trigger, checkedById, connected, ready, error, items: items as unknown as Prisma.InputJsonValue, operations },
      select: { id: true, checkedAt: true, connected: true, ready: true },
    });
    if (servicePrincipalId) await tx.tenant.update({ where: { id: tenantId }, data: { servicePrincipalId }, select: { id: true } });
    return row;
  });
  return { ...check, items, error };
}

/** "Check again" on the tenant's page. */
export async function recheckConnection(db: Db, viewer: Viewer, tenantId: string, deps: CheckDeps = {}) {
  await findConnectableTenant(db, viewer, tenantId, { id: true });
  return runConnectionCheck(db, tenantId, "MANUAL", viewer.id, deps);
}

/** Tenants Breachdesk uses: connected by consent, or with an own app's secret; never disconnected ones. */
const IN_USE: Prisma.TenantWhereInput = {
  disconnectedAt: null,
  OR: [
    { connectionMode: "DEPLOYMENT_APP", consentedAt: { not: null } },
    { connectionMode: "OWN_APP", clientSecretEncrypted: { not: null } },
  ],
};

/**
 * The daily re-check (for the job queue): every tenant in use whose last check is older than
 * `olderThanHours`, one after the other. A tenant's failure is recorded in its check, never
 * stops the others.
 */
export async function recheckDueConnections(db: Db, options: { now?: Date; olderThanHours?: number } = {}) {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.olderThanHours ?? 20) * 3_600_000);
  const due = await db.tenant.findMany({
    where: { ...IN_USE, connectionChecks: { none: { checkedAt: { gte: cutoff } } } },
    select: { id: true },
    orderBy: { displayName: "asc" },
  });
  let ready = 0;
  for (const { id } of due) {
    try {
      if ((await runConnectionCheck(db, id, "DAILY", null)).ready) ready++;
    } catch (error) {
      getLogger().error({ err: error, tenantId: id }, "daily connection check failed");
    }
  }
  return { checked: due.length, ready };
}

export async function latestConnectionCheck(db: Db, tenantId: string) {
  const row = await db.tenantConnectionCheck.findFirst({ where: { tenantId }, orderBy: { checkedAt: "desc" } });
  return row ? { ...row, items: row.items as unknown as ChecklistItem[] } : null;
}

/**
 * What a tenant's connection can do right now, for the connection check page: read live with no
 * retry (a person is waiting) and not stored.
 */
export async function probeConnection(db: Db, viewer: Viewer, tenant: { id: string; connectionMode: string }) {
  assertCan(viewer, "tenants.manage");
  const graph = await getTenantGraph(db, tenant.id, { retry: { maxRetries: 0, delaySeconds: 1 }, timeoutMs: 15_000 });
  // Breachdesk's app sends mail through an Exchange scope Graph cannot show (lib/graph/operations.ts).
  return runPreflight(graph, { mailSendThroughExchangeScope: tenant.connectionMode === "DEPLOYMENT_APP" });
}
