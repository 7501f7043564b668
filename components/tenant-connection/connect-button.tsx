"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startConsentAction } from "@/lib/tenants/actions";

/** Sends the admin to Microsoft's admin-consent page; Microsoft sends them back to the callback. */
export function ConnectButton({ tenantId, label = "Connect Microsoft 365" }: { tenantId: string; label?: string }) {
  const { execute, result, isPending, hasSucceeded } = useAction(startConsentAction, {
    onSuccess: ({ data }) => {
      if (data?.url) window.location.assign(data.url);
    },
  });
  const leaving = isPending || hasSucceeded;
  return (
    <div className="space-y-2">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <Button type="button" onClick={() => execute({ tenantId })} disabled={leaving}>
        {leaving ? "Opening Microsoft sign-in…" : label}
      </Button>
    </div>
  );
}
