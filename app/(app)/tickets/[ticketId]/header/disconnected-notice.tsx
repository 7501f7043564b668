import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/utils/dates";

/** A ticket of a tenant Breachdesk was disconnected from: readable, but nothing reaches Microsoft 365 any more. */
export function DisconnectedNotice({ tenant }: { tenant: { displayName: string; disconnectedAt: Date | null } }) {
  if (!tenant.disconnectedAt) return null;
  return (
    <Alert variant="warning">
      Breachdesk was disconnected from {tenant.displayName} on {formatDateTime(tenant.disconnectedAt)}: this ticket is read-only. Nothing
      runs against the tenant and its work cannot change until its admin connects it again; comments and status changes remain, to wind the
      incident up.
    </Alert>
  );
}
