import type { Role } from "@/generated/prisma/enums";

// The one permission map. Pages, route handlers and server actions check these through
// requirePermission (lib/auth/viewer.ts); queries additionally scope rows by the viewer.
export const PERMISSIONS = {
  "tickets.create": ["TENANT_ADMIN", "PLATFORM_ADMIN"],
  "tickets.read": ["TENANT_ADMIN", "ENGINEER", "MANAGER", "PLATFORM_ADMIN"],
  "tickets.queue": ["ENGINEER", "MANAGER", "PLATFORM_ADMIN"],
  "tickets.work": ["ENGINEER", "PLATFORM_ADMIN"],
  "tickets.assign": ["ENGINEER", "PLATFORM_ADMIN"],
  "comments.readInternal": ["ENGINEER", "MANAGER", "PLATFORM_ADMIN"],
  "comments.writePublic": ["TENANT_ADMIN", "ENGINEER", "PLATFORM_ADMIN"],
  // Managers are read-only on work (docs/design-basis.md, Roles): they read, review reports and export, never write on a ticket.
  "comments.writeInternal": ["ENGINEER", "PLATFORM_ADMIN"],
  "remediation.run": ["ENGINEER", "PLATFORM_ADMIN"],
  "remediation.approve": ["TENANT_ADMIN", "ENGINEER", "PLATFORM_ADMIN"],
  "reports.read": ["TENANT_ADMIN", "ENGINEER", "MANAGER", "PLATFORM_ADMIN"],
  "reports.review": ["MANAGER", "PLATFORM_ADMIN"],
  "dashboard.view": ["MANAGER", "PLATFORM_ADMIN"],
  "tenants.manage": ["PLATFORM_ADMIN"],
  // Connect, set up, check and disconnect Microsoft 365: a tenant admin their own tenant only
  // (lib/tenants/connection-access.ts), a platform admin any tenant.
  "tenants.connect": ["TENANT_ADMIN", "PLATFORM_ADMIN"],
  "users.manage": ["PLATFORM_ADMIN"],
  // Background jobs (lib/jobs): every job, cancel and run again, on /admin/jobs.
  "jobs.manage": ["PLATFORM_ADMIN"],
  // A ticket's own jobs (state, attempts, last error), shown on the ticket to those who work it.
  "jobs.viewTicket": ["ENGINEER", "PLATFORM_ADMIN"],
  // The audit chain's state on /admin/audit, verify now and attest old rows.
  "audit.verify": ["PLATFORM_ADMIN"],
  // Own notifications and their settings (lib/notifications); mail that went out, on Admin → Outgoing mail.
  "notifications.read": ["TENANT_ADMIN", "ENGINEER", "MANAGER", "PLATFORM_ADMIN"],
  "mail.viewOutgoing": ["PLATFORM_ADMIN"],
  // Ending one's own session (Sign out).
  "session.end": ["TENANT_ADMIN", "ENGINEER", "MANAGER", "PLATFORM_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  TENANT_ADMIN: "Tenant admin",
  ENGINEER: "Support engineer",
  MANAGER: "Manager",
  PLATFORM_ADMIN: "Platform admin",
};
