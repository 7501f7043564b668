import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { Section } from "@/components/ui/section";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/users/queries";
import { formatDateTime } from "@/lib/utils/dates";
import { ChangeRoleDialog } from "./change-role-dialog";
import { CreateUserForm } from "./create-user-form";
import { ServedTenantsDialog } from "./served-tenants-dialog";
import { UserActiveToggle } from "./user-active-toggle";
import { listTenantChoices } from "@/lib/tenants/queries";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

type ListedUser = Awaited<ReturnType<typeof listUsers>>[number];

/** What a user's tickets are limited to, in words. */
function tenantsSeen(u: ListedUser): string {
  if (u.role === "TENANT_ADMIN") return u.tenant?.displayName ?? "—";
  if (u.role !== "ENGINEER") return "All tenants";
  if (u.servesAllTenants) return "All tenants";
  return u.servedTenants.length ? u.servedTenants.map((s) => s.tenant.displayName).join(", ") : "None (sees no tickets)";
}

export default async function UsersPage() {
  const viewer = await authorizePage("users.manage", "/admin/users");
  const db = await getDb();
  const [users, tenants] = await Promise.all([listUsers(db, viewer), listTenantChoices(db, viewer)]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Users</h1>
      <DataTable
        caption="Breachdesk users"
        captionClassName="sr-only"
        columns={["Name", "Email", "Role", "Tenants", "Last sign-in", "Status", ACTIONS_COLUMN]}
      >
        {users.map((u) => (
          <TableRow key={u.id}>
            <TableCell className="font-medium">{u.name}</TableCell>
            <TableCell className="font-mono text-xs">{u.email}</TableCell>
            <TableCell>{ROLE_LABELS[u.role]}</TableCell>
            <TableCell>
              <span className="inline-flex flex-wrap items-center gap-2">
                <span>{tenantsSeen(u)}</span>
                {u.role === "ENGINEER" && (
                  <ServedTenantsDialog
                    userId={u.id}
                    name={u.name}
                    tenants={tenants}
                    servesAllTenants={u.servesAllTenants}
                    servedIds={u.servedTenants.map((s) => s.tenant.id)}
                  />
                )}
              </span>
            </TableCell>
            <TableCell>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "Never"}</TableCell>
            <TableCell>
              <Badge variant={u.isActive ? "success" : "neutral"}>{u.isActive ? "Active" : "Deactivated"}</Badge>
            </TableCell>
            <TableCell className="text-right">
              {u.id !== viewer.id && (
                <span className="inline-flex items-center gap-2">
                  <ChangeRoleDialog userId={u.id} name={u.name} role={u.role} tenantId={u.tenant?.id ?? null} tenants={tenants} />
                  <UserActiveToggle userId={u.id} email={u.email} isActive={u.isActive} />
                </span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      <Section id="new-user" title="Add a user" className="max-w-xl">
        <CreateUserForm tenants={tenants} />
      </Section>
    </div>
  );
}
