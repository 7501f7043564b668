import { AppError } from "@/lib/errors";
import { hasPermission, type Permission } from "./permissions";

/** Services re-check the permission for the viewer they are given (defence in depth). */
export function assertCan(viewer: { role: Parameters<typeof hasPermission>[0] }, permission: Permission): void {
  if (!hasPermission(viewer.role, permission)) throw new AppError("FORBIDDEN", "You do not have permission to do that.");
}
