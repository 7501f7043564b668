import type { Viewer } from "@/lib/auth/viewer";

type UserRow = Pick<Viewer, "id" | "email" | "name" | "role" | "tenantId"> & { servesAllTenants?: boolean };

/** The viewer getViewer would return for a seeded user row. */
export const viewerOf = (u: UserRow): Viewer => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  tenantId: u.tenantId,
  servesAllTenants: u.servesAllTenants ?? false,
});
