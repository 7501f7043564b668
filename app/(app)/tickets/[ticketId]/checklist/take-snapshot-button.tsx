"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { takeSnapshotAction } from "@/lib/investigation/actions";

export function TakeSnapshotButton({ ticketId, hasSnapshot }: { ticketId: string; hasSnapshot: boolean }) {
  const { execute, isPending, result } = useAction(takeSnapshotAction);
  return (
    <div className="space-y-2">
      <Button variant={hasSnapshot ? "outline" : "default"} disabled={isPending} onClick={() => execute({ ticketId })}>
        {isPending ? "Collecting evidence…" : hasSnapshot ? "Take a new snapshot" : "Take evidence snapshot"}
      </Button>
      {isPending && (
        <p role="status" className="text-sm text-muted-foreground">
          Reading sign-ins, rules, methods, consents, audits, risk and the message trace…
        </p>
      )}
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
    </div>
  );
}
