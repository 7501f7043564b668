"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { transitionTicketAction } from "@/lib/workflow/actions";

/** Reopen asks why: the reason goes into the audit event and the timeline. On an error the dialog stays open with the text kept. */
export function ReopenDialog({
  ticketId,
  ticketNumber,
  version,
  closed,
}: {
  ticketId: string;
  ticketNumber: string;
  version: number;
  closed: boolean;
}) {
  const action = useAction(transitionTicketAction);
  return (
    <FormDialog
      alert
      trigger={
        <Button size="sm" variant="outline">
          Reopen
        </Button>
      }
      title={`Reopen ${ticketNumber}?`}
      description={
        closed
          ? "The ticket goes back into the work. Its approved report stays readable; closing it again submits a new version for review."
          : "The ticket goes back into the work and the clocks run again."
      }
      formLabel={`Reopen ${ticketNumber}`}
      submitLabel="Reopen ticket"
      pendingLabel="Reopening…"
      action={action}
      onSubmit={(f) => action.execute({ ticketId, transition: "reopen", version, reason: String(f.get("reason") ?? "") })}
    >
      <FormField
        id="reopen-reason"
        label="Why reopen it? (required)"
        hint="Kept in the timeline."
        error={action.result.validationErrors?.fieldErrors.reason}
      >
        <Textarea name="reason" rows={3} maxLength={2000} aria-required />
      </FormField>
    </FormDialog>
  );
}
