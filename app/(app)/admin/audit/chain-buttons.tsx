"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { attestUnkeyedHistoryAction, verifyAuditChainAction } from "@/lib/audit-admin/actions";

export function VerifyNowButton() {
  const { execute, isPending, result } = useAction(verifyAuditChainAction);
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" disabled={isPending} onClick={() => execute({})}>
        {isPending ? "Verifying…" : "Verify now"}
      </Button>
      {result.serverError?.message && (
        <span role="alert" className="text-xs text-destructive">
          {result.serverError?.message}
        </span>
      )}
    </span>
  );
}

export function AttestButton({ events }: { events: number }) {
  const { execute, isPending, result } = useAction(attestUnkeyedHistoryAction);
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="outline" disabled={isPending} onClick={() => execute({})}>
        {isPending ? "Attesting…" : `Attest the ${events} unkeyed events`}
      </Button>
      {result.serverError?.message && (
        <span role="alert" className="text-xs text-destructive">
          {result.serverError?.message}
        </span>
      )}
    </span>
  );
}
