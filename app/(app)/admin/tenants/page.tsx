import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Tenants" };
export const dynamic = "force-dynamic";

export default async function TenantsPage() {
  await authorizePage("tenants.manage", "/admin/tenants");
  const db = await getDb();
  // Never select the encrypted secret: only whether one is stored.
  const tenants = await db.tenant.findMany({
    orderBy: { displayName: "asc" },
    select: {
      id: true,
      displayName: true,
      entraTenantId: true,
      primaryDomain: true,
      connectionKind: true,
      clientId: true,
      clientSecretEncrypted: false,
      _count: { select: { tickets: true, users: true } },
    },
  });
  const withSecret = new Set(
    (await db.tenant.findMany({ where: { clientSecretEncrypted: { not: null } }, select: { id: true } })).map((t) => t.id),
  );
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">Tenant connections</h1>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Tenant</TableHead>
            <TableHead>Primary domain</TableHead>
            <TableHead>Entra tenant id</TableHead>
            <TableHead>Connection</TableHead>
            <TableHead>App client id</TableHead>
            <TableHead>Client secret</TableHead>
            <TableHead className="text-right">Tickets</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tenants.map((t) => (
            <TableRow key={t.id}>
              <TableCell className="font-medium">{t.displayName}</TableCell>
              <TableCell>{t.primaryDomain}</TableCell>
              <TableCell className="font-mono text-xs">{t.entraTenantId}</TableCell>
              <TableCell>
                <Badge variant={t.connectionKind === "SIMULATED" ? "info" : "success"}>
                  {t.connectionKind === "SIMULATED" ? "Tenant simulator" : "Microsoft Entra ID"}
                </Badge>
              </TableCell>
              <TableCell className="font-mono text-xs">{t.clientId ?? "—"}</TableCell>
              <TableCell>{withSecret.has(t.id) ? "Stored (encrypted)" : "Not set"}</TableCell>
              <TableCell className="text-right">{t._count.tickets}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
