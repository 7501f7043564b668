import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { notFoundError } from "@/lib/errors";
import { tenantAccessFor } from "@/lib/auth/ticket-access";

// Who may connect, set up, check or disconnect a tenant's Microsoft 365: its own tenant admin, or
// a platform admin. Another tenant's id is "not found", never "forbidden".

export async function findConnectableTenant<S extends Prisma.TenantSelect>(db: Db, viewer: Viewer, tenantId: string, select: S) {
  assertCan(viewer, "tenants.connect");
  const tenant = await db.tenant.findFirst({ where: { AND: [{ id: tenantId }, tenantAccessFor(viewer)] }, select });
  if (!tenant) throw notFoundError("Tenant");
  return tenant;
}

/** Where the viewer manages this tenant's connection. */
export function connectionPagePath(viewer: Pick<Viewer, "role">, tenantId: string): string {
  return viewer.role === "TENANT_ADMIN" ? "/tenant" : `/admin/tenants/${tenantId}`;
}
