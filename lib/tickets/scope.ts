import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The rows a viewer may see, as a Prisma where clause. Every ticket query includes it, so a
 * foreign ticket id simply finds nothing ("not found", never "forbidden").
 */
export function ticketScopeFor(viewer: Pick<Viewer, "role" | "tenantId">): Prisma.TicketWhereInput {
  if (viewer.role === "TENANT_ADMIN") {
    // A tenant admin without a tenant sees nothing (getViewer already refuses such sessions).
    return { tenantId: viewer.tenantId ?? "00000000-0000-0000-0000-000000000000" };
  }
  return {};
}
