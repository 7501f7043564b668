import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";

/** Users for the admin page. Never selects the password hash. */
export async function listUsers(db: Db, viewer: Viewer) {
  assertCan(viewer, "users.manage");
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isActive: true,
      lastSignInAt: true,
      tenant: { select: { id: true, displayName: true } },
      servesAllTenants: true,
      servedTenants: { select: { tenant: { select: { id: true, displayName: true } } }, orderBy: { tenant: { displayName: "asc" } } },
    },
  });
}
