import { Alert } from "@/components/ui/alert";
import type { Db } from "@/lib/db/create-client";
import { formatDateTime } from "@/lib/utils/dates";

/** A ticket of a tenant Breachdesk was disconnected from: readable, but nothing reaches Microsoft 365 any more. */
export async function DisconnectedNotice({ db, tenantId }: { db: Db; tenantId: string }) {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { displayName: true, disconnectedAt: true } });
  if (!tenant?.disconnectedAt) return null;
  return (
    <Alert variant="warning">
      Breachdesk was disconnected from {tenant.displayName} on {formatDateTime(tenant.disconnectedAt)}: this ticket is read-only. Nothing runs against the
      tenant and its work cannot change until its admin connects it again; comments and status changes remain, to wind the incident up.
    </Alert>
  );
}
