import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import { tenantAccessFor } from "@/lib/auth/ticket-access";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

// Tenants for the admin pages. The encrypted secret is never selected: only whether one is stored.

const LISTED = {
  id: true,
  displayName: true,
  entraTenantId: true,
  primaryDomain: true,
  connectionKind: true,
  connectionMode: true,
  consentedAt: true,
  disconnectedAt: true,
  clientId: true,
  serviceMailbox: true,
  requireApproval: true,
  isDemo: true,
} as const;

async function idsWithSecret(db: Db, ids?: string[]) {
  const rows = await db.tenant.findMany({
    where: { clientSecretEncrypted: { not: null }, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

export async function listTenants(db: Db, viewer: Viewer) {
  assertCan(viewer, "tenants.manage");
  const [tenants, withSecret] = await Promise.all([
    db.tenant.findMany({ orderBy: { displayName: "asc" }, select: { ...LISTED, _count: { select: { tickets: true } } } }),
    idsWithSecret(db),
  ]);
  return tenants.map((t) => ({ ...t, hasSecret: withSecret.has(t.id) }));
}

export async function getTenantForEdit(db: Db, viewer: Viewer, tenantId: string) {
  assertCan(viewer, "tenants.manage");
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: LISTED });
  if (!tenant) throw new AppError("NOT_FOUND", "Tenant not found.");
  return { ...tenant, hasSecret: (await idsWithSecret(db, [tenantId])).has(tenantId) };
}

/** The tenants a viewer may pick from in a form (filing, user admin, connection checks), by name. */
export async function listTenantChoices(db: Db, viewer: Viewer) {
  return db.tenant.findMany({
    where: tenantAccessFor(viewer),
    select: { id: true, displayName: true, primaryDomain: true, connectionMode: true },
    orderBy: { displayName: "asc" },
  });
}
