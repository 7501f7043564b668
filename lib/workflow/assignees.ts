import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";

/** Active people who may work a ticket of this tenant: platform admins and engineers who serve it. */
export function assignableTo(tenantId: string): Prisma.UserWhereInput {
  return {
    isActive: true,
    OR: [{ role: "PLATFORM_ADMIN" }, { role: "ENGINEER", OR: [{ servesAllTenants: true }, { servedTenants: { some: { tenantId } } }] }],
  };
}

/** Who a ticket of this tenant can be assigned to, by name. */
export async function listAssignableEngineers(db: Db, viewer: Viewer, tenantId: string) {
  assertCan(viewer, "tickets.assign");
  return db.user.findMany({ where: assignableTo(tenantId), orderBy: { name: "asc" }, select: { id: true, name: true } });
}
