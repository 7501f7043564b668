import "server-only";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { findConnectableTenant } from "./connection-access";

// Disconnect: Breachdesk stops using the tenant at once (lib/graph/tenant-graph.ts refuses it a
// Graph client, so no remediation, trace or check runs), no new incident is filed for it, and its
// tickets stay readable but read-only (lib/tickets/assert-open.ts). Microsoft's side is the admin's to remove (the page says how): Breachdesk
// cannot withdraw a consent it was given, and a later Connect binds the same Entra tenant again.

export async function disconnectTenant(db: Db, viewer: Viewer, tenantId: string) {
  const tenant = await findConnectableTenant(db, viewer, tenantId, {
    id: true,
    primaryDomain: true,
    disconnectedAt: true,
    entraTenantId: true,
    consentedAt: true,
    clientSecretEncrypted: true,
  });
  if (tenant.disconnectedAt) throw new AppError("INVALID_STATE", "This tenant is already disconnected.");
  if (!tenant.consentedAt && !tenant.clientSecretEncrypted) throw new AppError("INVALID_STATE", "This tenant is not connected.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.tenant.updateMany({
      where: { id: tenant.id, disconnectedAt: null },
      data: { disconnectedAt: new Date(), disconnectedById: viewer.id },
    });
    if (count !== 1) throw new AppError("CONFLICT", "The tenant was disconnected meanwhile.");
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: tenant.id,
      action: "tenant.disconnected",
      target: tenant.primaryDomain,
      details: { entraTenantId: tenant.entraTenantId },
    });
  });
  return { disconnected: true };
}
