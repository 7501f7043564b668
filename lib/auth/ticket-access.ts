import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";

const NO_TENANT = "00000000-0000-0000-0000-000000000000";

/**
 * The rows a viewer may see, as a Prisma where clause. Every ticket query includes it, so a
 * foreign ticket id simply finds nothing ("not found", never "forbidden").
 */
export function ticketAccessFor(viewer: Pick<Viewer, "id" | "role" | "tenantId" | "servesAllTenants">): Prisma.TicketWhereInput {
  if (viewer.role === "TENANT_ADMIN") {
    // A tenant admin without a tenant sees nothing (getViewer already refuses such sessions).
    return { tenantId: viewer.tenantId ?? NO_TENANT };
  }
  // No relation filter when nothing is restricted: even an empty one costs the queue a subquery.
  if (viewer.role === "ENGINEER" && !viewer.servesAllTenants) return { tenant: tenantAccessFor(viewer) };
  return {};
}

/** The tenants a viewer works with: its own (tenant admin), those it serves (engineer), or all. */
export function tenantAccessFor(viewer: Pick<Viewer, "id" | "role" | "tenantId" | "servesAllTenants">): Prisma.TenantWhereInput {
  if (viewer.role === "TENANT_ADMIN") return { id: viewer.tenantId ?? NO_TENANT };
  if (viewer.role === "ENGINEER" && !viewer.servesAllTenants) return { engineers: { some: { userId: viewer.id } } };
  return {};
}
