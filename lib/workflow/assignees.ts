import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";

/** Who a ticket can be assigned to: active support engineers (and platform admins), by name. */
export async function listAssignableEngineers(db: Db, viewer: Viewer) {
  assertCan(viewer, "tickets.assign");
  return db.user.findMany({ where: { isActive: true, role: { in: ["ENGINEER", "PLATFORM_ADMIN"] } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
