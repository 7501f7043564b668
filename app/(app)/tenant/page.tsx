import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AdvisoryAllowListForm } from "@/components/advisories/advisory-allow-list-form";
import { ConnectionPanel } from "@/components/tenant-connection/connection-panel";
import { getAdvisoryAllowList } from "@/lib/advisories/queries";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getTenantConnection } from "@/lib/tenants/connection-queries";

export const metadata: Metadata = { title: "Microsoft 365" };
export const dynamic = "force-dynamic";

// A tenant admin's own tenant: connecting Microsoft 365 to Breachdesk. Platform admins manage
// every tenant's connection under Admin → Tenants.
export default async function OwnTenantPage({ searchParams }: { searchParams: Promise<{ attempt?: string; refused?: string }> }) {
  const viewer = await authorizePage("tenants.connect", "/tenant");
  if (viewer.role !== "TENANT_ADMIN" || !viewer.tenantId) redirect("/admin/tenants");
  const { attempt, refused } = await searchParams;
  const db = await getDb();
  const connection = await getTenantConnection(db, viewer, viewer.tenantId, attempt);
  const allowList = await getAdvisoryAllowList(db, viewer, viewer.tenantId);
  return (
    <div className="max-w-4xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{connection.tenant.displayName}</h1>
        <p className="text-sm text-muted-foreground">{connection.tenant.primaryDomain}</p>
      </div>
      <ConnectionPanel connection={connection} refused={refused} />
      <AdvisoryAllowListForm tenantId={viewer.tenantId} entries={allowList} />
    </div>
  );
}
