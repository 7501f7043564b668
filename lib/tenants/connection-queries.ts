import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { ChecklistItem } from "@/lib/graph/connection-checklist";
import { getDeploymentApp } from "@/lib/graph/deployment-app";
import type { PreflightRow } from "@/lib/graph/preflight";
import { findOwnAttempt } from "./connect-attempts";
import { findConnectableTenant } from "./connection-access";

// What a tenant's connection page shows: how the tenant is connected, the last check (read from
// the database, never by calling Graph while the page renders) and the outcome of the viewer's
// own last round trip to Microsoft. Nothing secret: the app's client id and the service
// principal's object id are what an admin types into Entra's pages and PowerShell anyway.

export async function getTenantConnection(db: Db, viewer: Viewer, tenantId: string, attemptId?: string) {
  const tenant = await findConnectableTenant(db, viewer, tenantId, {
    id: true,
    displayName: true,
    primaryDomain: true,
    entraTenantId: true,
    connectionKind: true,
    connectionMode: true,
    consentedAt: true,
    disconnectedAt: true,
    serviceMailbox: true,
    servicePrincipalId: true,
    clientId: true,
    isDemo: true,
  });
  const [check, attempt, app, tickets, withSecret] = await Promise.all([
    db.tenantConnectionCheck.findFirst({
      where: { tenantId },
      orderBy: { checkedAt: "desc" },
      select: { checkedAt: true, trigger: true, connected: true, ready: true, error: true, items: true, operations: true },
    }),
    findOwnAttempt(db, viewer, attemptId),
    getDeploymentApp().catch(() => null),
    db.ticket.count({ where: { tenantId } }),
    // Whether an own app registration's secret is stored, never the secret.
    db.tenant.count({ where: { id: tenantId, clientSecretEncrypted: { not: null } } }),
  ]);
  return {
    tenant,
    tickets,
    hasSecret: withSecret > 0,
    appClientId: tenant.connectionMode === "DEPLOYMENT_APP" ? (app?.clientId ?? null) : tenant.clientId,
    isAppConfigured: Boolean(app),
    check: check
      ? {
          ...check,
          items: check.items as unknown as ChecklistItem[],
          operations: (check.operations ?? null) as unknown as PreflightRow[] | null,
        }
      : null,
    attempt: attempt?.tenantId === tenantId ? attempt : null,
  };
}

export type TenantConnection = Awaited<ReturnType<typeof getTenantConnection>>;
