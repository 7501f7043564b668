"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { disconnectTenantAction } from "@/lib/tenants/actions";

/** Asks first (focus starts on Cancel): Breachdesk stops using the tenant at once. */
export function DisconnectButton({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const [open, setOpen] = useState(false);
  const { execute, result, isPending } = useAction(disconnectTenantAction);
  return (
    <div className="space-y-2">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        trigger={
          <Button type="button" variant="outline" disabled={isPending}>
            {isPending ? "Disconnecting…" : "Disconnect"}
          </Button>
        }
        title={`Disconnect ${tenantName}?`}
        description="Breachdesk stops calling Microsoft Graph for this tenant at once: no remediation, message trace or check runs, and no new incident can be filed. Its tickets stay readable but read-only (comments and status changes remain). Remove the consent in your tenant afterwards (the steps are shown next)."
        confirmLabel="Disconnect"
        onConfirm={() => {
          setOpen(false);
          execute({ tenantId });
        }}
      />
    </div>
  );
}
