"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { recheckConnectionAction } from "@/lib/tenants/actions";

export function RecheckButton({ tenantId }: { tenantId: string }) {
  const { execute, result, isPending } = useAction(recheckConnectionAction);
  return (
    <div className="space-y-2">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <Button type="button" variant="outline" onClick={() => execute({ tenantId })} disabled={isPending}>
        {isPending ? "Checking the connection…" : "Check again"}
      </Button>
    </div>
  );
}
