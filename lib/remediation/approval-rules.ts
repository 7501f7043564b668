import type { Role } from "@/generated/prisma/enums";
import { UNKNOWN_ROLE_PREFIX } from "@/lib/graph/role-names";

// When a destructive step needs a second person, and who that person may be. Pure and tested.

export function needsApproval(input: { destructive: boolean; tenantRequiresApproval: boolean; targetIsPrivileged: boolean }): boolean {
  return input.destructive && (input.tenantRequiresApproval || input.targetIsPrivileged);
}

/** A privileged account holds (or may activate) any admin directory role; a role we cannot name counts too (fail closed). */
export function isPrivileged(directoryRoles: string[]): boolean {
  return directoryRoles.some((r) => /admin/i.test(r) || r.startsWith(UNKNOWN_ROLE_PREFIX));
}

export function canDecide(
  approver: { id: string; role: Role; tenantId: string | null },
  approval: { requestedById: string; tenantId: string },
): string | null {
  if (approver.id === approval.requestedById) return "The person who asked cannot approve their own request.";
  if (approver.role === "TENANT_ADMIN" && approver.tenantId !== approval.tenantId) return "Only this tenant's admins can decide.";
  if (!["TENANT_ADMIN", "ENGINEER", "PLATFORM_ADMIN"].includes(approver.role)) return "Managers cannot approve remediation.";
  return null;
}
