"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { verifyStepsAction } from "@/lib/remediation/actions";

/** Reads the tenant once more for every step not yet confirmed (Unconfirmed, or an unknown outcome). */
export function CheckAgainButton({ ticketId }: { ticketId: string }) {
  const { execute, isPending, result } = useAction(verifyStepsAction);
  const r = result.data;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button size="sm" variant="outline" disabled={isPending} onClick={() => execute({ ticketId, mode: "check" })}>
        {isPending ? "Checking…" : "Check again"}
      </Button>
      {result.serverError?.message && (
        <span role="alert" className="text-xs text-destructive">
          {result.serverError?.message}
        </span>
      )}
      {r && !isPending && (
        <span role="status" className="text-xs text-muted-foreground">
          {r.checked === 0 ? "Nothing left to confirm." : `${r.confirmed} of ${r.checked} confirmed now.`}
        </span>
      )}
    </span>
  );
}
