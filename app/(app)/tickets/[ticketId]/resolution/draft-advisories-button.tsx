"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { draftAdvisoriesAction } from "@/lib/advisories/actions";

export function DraftAdvisoriesButton({
  ticketId,
  externalDomains,
  drafted,
}: {
  ticketId: string;
  externalDomains: number;
  drafted: number;
}) {
  const { execute, result, isPending, hasSucceeded } = useAction(draftAdvisoriesAction);
  const data = result.data;
  return (
    <div className="space-y-2">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      {hasSucceeded && data && (
        <Alert variant="success">
          {data.drafted.length > 0
            ? `Drafted advisories for ${data.drafted.join(", ")}.`
            : "Every recipient domain already has an advisory."}
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => execute({ ticketId })} disabled={isPending || externalDomains === 0}>
          {isPending ? "Drafting advisories…" : "Draft advisories"}
        </Button>
        <span className="text-sm text-muted-foreground">
          {externalDomains} external domain{externalDomains === 1 ? "" : "s"} in the trace, {drafted} advisor{drafted === 1 ? "y" : "ies"}{" "}
          so far. Existing advisories are kept.
        </span>
      </div>
    </div>
  );
}
