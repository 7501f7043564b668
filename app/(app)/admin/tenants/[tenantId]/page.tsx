import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getTenantForEdit } from "@/lib/tenants/queries";
import { TenantForm } from "../tenant-form";

export const metadata: Metadata = { title: "Edit tenant" };
export const dynamic = "force-dynamic";

export default async function EditTenantPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  const viewer = await authorizePage("tenants.manage", `/admin/tenants/${tenantId}`);
  if (!z.uuid().safeParse(tenantId).success) notFound();
  const tenant = await getTenantForEdit(await getDb(), viewer, tenantId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="space-y-5">
      <div>
        <Link href="/admin/tenants" className="text-sm text-primary hover:underline">← Tenant connections</Link>
        <h1 className="text-xl font-semibold">Edit {tenant.displayName}</h1>
        {tenant.isDemo && <p className="text-sm text-muted-foreground">A demo tenant, connected to the tenant simulator.</p>}
      </div>
      <div className="max-w-3xl">
        <TenantForm
          tenantId={tenant.id}
          hasSecret={tenant.hasSecret}
          initial={{
            displayName: tenant.displayName,
            entraTenantId: tenant.entraTenantId,
            primaryDomain: tenant.primaryDomain,
            connectionKind: tenant.connectionKind,
            clientId: tenant.clientId ?? "",
            serviceMailbox: tenant.serviceMailbox ?? "",
            requireApproval: tenant.requireApproval,
          }}
        />
      </div>
    </div>
  );
}
