"use client";

import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { acceptAlertSuggestionsAction, dismissAlertSuggestionsAction } from "@/lib/alerts/actions";

export function SuggestionButtons({ tenantId, accounts }: { tenantId: string; accounts: number }) {
  const accept = useAction(acceptAlertSuggestionsAction);
  const dismiss = useAction(dismissAlertSuggestionsAction);
  const error = accept.result.serverError?.message ?? dismiss.result.serverError?.message;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" disabled={accept.isPending} onClick={() => accept.execute({ tenantId, alertIds: [] })}>
        {accept.isPending ? "Opening…" : accounts > 1 ? `Open one campaign incident (${accounts} accounts)` : "Open a ticket"}
      </Button>
      <Button size="sm" variant="ghost" disabled={dismiss.isPending} onClick={() => dismiss.execute({ tenantId, alertIds: [] })}>
        Dismiss
      </Button>
      {accept.result.data && (
        <Link className="text-sm text-primary hover:underline" href={`/tickets/${accept.result.data.id}?stage=checklist`}>
          Opened INC-{accept.result.data.number}
        </Link>
      )}
      {error && (
        <span role="alert" className="text-sm text-destructive">
          {error}
        </span>
      )}
    </div>
  );
}
