"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionButton } from "@/components/ui/action-button";
import { resubmitReportAction } from "@/lib/reports/actions";

export function ResubmitButton({ ticketId }: { ticketId: string }) {
  const action = useAction(resubmitReportAction);
  return (
    <ActionButton action={action} className="ml-2 inline-flex items-center gap-2" onClick={() => action.execute({ ticketId })}>
      Resubmit for review
    </ActionButton>
  );
}
