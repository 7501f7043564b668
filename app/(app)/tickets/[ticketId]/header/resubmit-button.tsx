"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { resubmitReportAction } from "@/lib/reports/actions";

export function ResubmitButton({ ticketId }: { ticketId: string }) {
  const { execute, isPending, result } = useAction(resubmitReportAction);
  useRefreshOnConflict(result.serverError);
  return (
    <span className="ml-2 inline-flex items-center gap-2">
      <Button size="sm" disabled={isPending} onClick={() => execute({ ticketId })}>
        Resubmit for review
      </Button>
      {result.serverError?.message && (
        <span role="alert" className="text-xs">
          {result.serverError?.message}
        </span>
      )}
    </span>
  );
}
