import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { REFUSALS, type Refusal } from "@/lib/tenants/connect-attempts";
import { listTenants } from "@/lib/tenants/queries";
import { CONNECTION_KIND_LABELS, CONNECTION_MODE_LABELS } from "@/lib/tenants/schemas";
import { AppCredentialsCard } from "./app-credentials-card";
import { TenantForm } from "./tenant-form";

export const metadata: Metadata = { title: "Tenants" };
export const dynamic = "force-dynamic";

function statusOf(t: { connectionMode: string; consentedAt: Date | null; disconnectedAt: Date | null; hasSecret: boolean }) {
  if (t.disconnectedAt) return "Disconnected";
  return (t.connectionMode === "DEPLOYMENT_APP" ? t.consentedAt : t.hasSecret) ? "Connected" : "Not connected";
}

export default async function TenantsPage({ searchParams }: { searchParams: Promise<{ refused?: string }> }) {
  const viewer = await authorizePage("tenants.manage", "/admin/tenants");
  const { refused } = await searchParams;
  const tenants = await listTenants(await getDb(), viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Tenant connections</h1>
      {refused && (
        <Alert variant="destructive">
          {refused in REFUSALS
            ? REFUSALS[refused as Refusal]
            : "The answer from Microsoft could not be used. Start again from the tenant's page."}
        </Alert>
      )}
      <AppCredentialsCard />
      <DataTable
        caption="Tenants and how Breachdesk connects to them"
        captionClassName="sr-only"
        columns={[
          "Tenant",
          "Primary domain",
          "Entra tenant id",
          "Connection",
          "App client id",
          "Client secret",
          "Approval",
          "Service mailbox",
          { label: "Tickets", className: "text-right" },
          ACTIONS_COLUMN,
        ]}
      >
        {tenants.map((t) => (
          <TableRow key={t.id}>
            <TableCell className="font-medium">{t.displayName}</TableCell>
            <TableCell>{t.primaryDomain}</TableCell>
            <TableCell className="font-mono text-xs">
              {t.entraTenantId ?? <span className="font-sans text-muted-foreground">From consent</span>}
            </TableCell>
            <TableCell className="space-y-1">
              <div className="flex flex-wrap gap-1">
                <Badge variant={t.connectionKind === "SIMULATED" ? "info" : "success"}>{CONNECTION_KIND_LABELS[t.connectionKind]}</Badge>
                <Badge variant={statusOf(t) === "Connected" ? "success" : statusOf(t) === "Disconnected" ? "neutral" : "warning"}>
                  {statusOf(t)}
                </Badge>
              </div>
              <div className="text-xs text-muted-foreground">{CONNECTION_MODE_LABELS[t.connectionMode]}</div>
            </TableCell>
            <TableCell className="font-mono text-xs">{t.connectionMode === "OWN_APP" ? (t.clientId ?? "—") : "—"}</TableCell>
            <TableCell>{t.connectionMode === "DEPLOYMENT_APP" ? "Not needed" : t.hasSecret ? "Stored (encrypted)" : "Not set"}</TableCell>
            <TableCell>{t.requireApproval ? "Required" : "Not required"}</TableCell>
            <TableCell className="font-mono text-xs">{t.serviceMailbox ?? "—"}</TableCell>
            <TableCell className="text-right">{t._count.tickets}</TableCell>
            <TableCell className="text-right">
              <Link href={`/admin/tenants/${t.id}`} className="text-primary hover:underline" aria-label={`Edit ${t.displayName}`}>
                Edit
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      <Section id="new-tenant" title="Add a tenant" className="max-w-3xl">
        <TenantForm />
      </Section>
    </div>
  );
}
