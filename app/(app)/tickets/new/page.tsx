import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { SYMPTOMS } from "@/lib/tickets/symptoms";
import { ReportIncidentForm } from "./report-incident-form";
import { listTenantChoices } from "@/lib/tenants/queries";

export const metadata: Metadata = { title: "Report an incident" };
export const dynamic = "force-dynamic";

export default async function NewTicketPage() {
  const viewer = await authorizePage("tickets.create", "/tickets/new");
  const db = await getDb();
  // Tenant admins file for their own tenant; a platform admin picks one.
  const tenants = await listTenantChoices(db, viewer);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Report a compromised account</h1>
        <p className="text-sm text-muted-foreground">
          Tell us which account is affected and what you saw. A support engineer picks it up from the queue.
        </p>
      </div>
      <ReportIncidentForm
        symptoms={Object.entries(SYMPTOMS).map(([value, label]) => ({ value, label }))}
        tenants={tenants}
        chooseTenant={viewer.role !== "TENANT_ADMIN"}
      />
    </div>
  );
}
