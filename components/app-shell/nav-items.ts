import { hasPermission, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/generated/prisma/enums";

type NavItem = { href: string; label: string; permission: Permission; label_for?: Partial<Record<Role, string>>; only?: Role[] };

const ITEMS: NavItem[] = [
  { href: "/tickets", label: "Queue", permission: "tickets.read", label_for: { TENANT_ADMIN: "Our incidents" } },
  { href: "/tickets/new", label: "Report an incident", permission: "tickets.create" },
  // A tenant admin's own tenant: connecting Microsoft 365 (platform admins use Tenants).
  { href: "/tenant", label: "Microsoft 365", permission: "tenants.connect", only: ["TENANT_ADMIN"] },
  { href: "/reviews", label: "Reviews", permission: "reports.review" },
  { href: "/dashboard", label: "Dashboard", permission: "dashboard.view" },
  { href: "/admin/tenants", label: "Tenants", permission: "tenants.manage" },
  { href: "/admin/users", label: "Users", permission: "users.manage" },
  { href: "/admin/connections", label: "Connections", permission: "tenants.manage" },
  { href: "/admin/jobs", label: "Jobs", permission: "jobs.manage" },
  { href: "/admin/mail", label: "Outgoing mail", permission: "mail.viewOutgoing" },
  { href: "/admin/audit", label: "Audit log", permission: "audit.verify" },
];

/** The navigation a role sees: only pages it may open, with a count where one is given ("Reviews 3"). */
export function navItemsFor(role: Role, counts: Record<string, number> = {}): { href: string; label: string; count?: number }[] {
  return ITEMS.filter((item) => hasPermission(role, item.permission) && (!item.only || item.only.includes(role))).map((item) => ({
    href: item.href,
    label: item.label_for?.[role] ?? item.label,
    ...(counts[item.href] ? { count: counts[item.href] } : {}),
  }));
}
