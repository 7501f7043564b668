"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
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
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { execute, result, isPending, reset } = useAction(transitionTicketAction, { onSuccess: () => setOpen(false) });
  useRefreshOnConflict(result.serverError);
  useFocusFirstError(formRef, result);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    execute({ ticketId, transition: "reopen", version, reason: String(new FormData(event.currentTarget).get("reason") ?? "") });
  }
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) reset();
      }}
    >
      <AlertDialogTrigger asChild>
        <Button size="sm" variant="outline">
          Reopen
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={`Reopen ${ticketNumber}`}>
          <AlertDialogTitle>Reopen {ticketNumber}?</AlertDialogTitle>
          <AlertDialogDescription>
            {closed
              ? "The ticket goes back into the work. Its approved report stays readable; closing it again submits a new version for review."
              : "The ticket goes back into the work and the clocks run again."}
          </AlertDialogDescription>
          {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
          <FormField
            id="reopen-reason"
            label="Why reopen it? (required)"
            hint="Kept in the timeline."
            error={result.validationErrors?.fieldErrors.reason}
          >
            <Textarea name="reason" rows={3} maxLength={2000} aria-required />
          </FormField>
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Reopening…" : "Reopen ticket"}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
