import { AdvisoryAllowListForm } from "@/components/advisories/advisory-allow-list-form";
import type { Metadata } from "next";
import Link from "next/link";
import { getAdvisoryAllowList } from "@/lib/advisories/queries";
import { getAlertMode, getAlertSources } from "@/lib/alerts/queries";
import { AlertModeForm } from "./alert-mode-form";
import { AlertSources } from "./alert-sources";
import { notFound } from "next/navigation";
import { z } from "zod";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { ConnectionPanel } from "@/components/tenant-connection/connection-panel";
import { getTenantConnection } from "@/lib/tenants/connection-queries";
import { getTenantForEdit } from "@/lib/tenants/queries";
import { TenantForm } from "../tenant-form";

export const metadata: Metadata = { title: "Edit tenant" };
export const dynamic = "force-dynamic";

export default async function EditTenantPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenantId: string }>;
  searchParams: Promise<{ attempt?: string }>;
}) {
  const { tenantId } = await params;
  const { attempt } = await searchParams;
  const viewer = await authorizePage("tenants.manage", `/admin/tenants/${tenantId}`);
  if (!z.uuid().safeParse(tenantId).success) notFound();
  const db = await getDb();
  const tenant = await getTenantForEdit(db, viewer, tenantId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const connection = await getTenantConnection(db, viewer, tenantId, attempt);
  const allowList = await getAdvisoryAllowList(db, viewer, tenant.id);
  return (
    <div className="space-y-5">
      <div>
        <Link href="/admin/tenants" className="text-sm text-primary hover:underline">
          ← Tenant connections
        </Link>
        <h1 className="text-xl font-semibold">Edit {tenant.displayName}</h1>
        {tenant.isDemo && <p className="text-sm text-muted-foreground">A demo tenant, served by the tenant simulator.</p>}
      </div>
      <div className="max-w-4xl">
        <ConnectionPanel connection={connection} />
      </div>
      <div className="max-w-3xl space-y-3">
        <h2 className="text-base font-semibold">Tenant settings</h2>
        <TenantForm
          tenantId={tenant.id}
          hasSecret={tenant.hasSecret}
          initial={{
            displayName: tenant.displayName,
            entraTenantId: tenant.entraTenantId ?? "",
            connectionMode: tenant.connectionMode,
            primaryDomain: tenant.primaryDomain,
            connectionKind: tenant.connectionKind,
            clientId: tenant.clientId ?? "",
            serviceMailbox: tenant.serviceMailbox ?? "",
            requireApproval: tenant.requireApproval,
          }}
        />
        <AlertModeForm tenantId={tenant.id} mode={await getAlertMode(db, tenant.id)} />
        <AlertSources sources={await getAlertSources(db, tenant.id)} />
      </div>
      <div className="max-w-3xl">
        <AdvisoryAllowListForm tenantId={tenant.id} entries={allowList} />
      </div>
    </div>
  );
}
