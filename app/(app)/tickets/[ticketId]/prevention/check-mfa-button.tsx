"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { checkMfaCoverageAction } from "@/lib/preventive/actions";

export function CheckMfaButton({ ticketId }: { ticketId: string }) {
  const { execute, result, isPending, hasSucceeded } = useAction(checkMfaCoverageAction);
  return (
    <div className="space-y-2">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      {hasSucceeded && result.data && (
        <Alert variant="success">
          MFA coverage recorded: {result.data.mfaRegistered} of {result.data.totalUsers} users registered.
        </Alert>
      )}
      <Button type="button" onClick={() => execute({ ticketId })} disabled={isPending}>
        {isPending ? "Checking MFA coverage…" : "Check MFA coverage"}
      </Button>
    </div>
  );
}
