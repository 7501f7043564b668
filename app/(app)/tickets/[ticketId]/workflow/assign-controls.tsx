"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFormActions,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { assignTicketAction } from "@/lib/workflow/actions";

type Props = {
  ticketId: string;
  version: number;
  status: string;
  viewerId: string;
  assigneeId: string | null;
  engineers: { id: string; name: string }[];
};

/** Assign to me (which also triages a new ticket, and says so), and choosing another engineer or nobody. */
export function AssignControls({ ticketId, version, status, viewerId, assigneeId, engineers }: Props) {
  const mine = useAction(assignTicketAction);
  useRefreshOnConflict(mine.result.serverError);
  const error = mine.result.serverError?.message ?? mine.result.validationErrors?.fieldErrors.assigneeId?.join(" ");
  return (
    <>
      {assigneeId !== viewerId && (
        <Button
          size="sm"
          variant="outline"
          disabled={mine.isPending}
          onClick={() => mine.execute({ ticketId, assigneeId: viewerId, version })}
        >
          {status === "NEW" ? "Assign to me and triage" : "Assign to me"}
        </Button>
      )}
      <ChooseAssignee ticketId={ticketId} version={version} status={status} assigneeId={assigneeId} engineers={engineers} />
      {error && (
        <Alert variant="destructive" className="basis-full">
          {error}
        </Alert>
      )}
    </>
  );
}

function ChooseAssignee({ ticketId, version, status, assigneeId, engineers }: Omit<Props, "viewerId">) {
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { execute, result, isPending, reset } = useAction(assignTicketAction, { onSuccess: () => setOpen(false) });
  useRefreshOnConflict(result.serverError);
  useFocusFirstError(formRef, result);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get("assigneeId") ?? "");
    execute({ ticketId, assigneeId: chosen || null, version });
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          {assigneeId ? "Reassign…" : "Assign…"}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Choose the assignee">
          <DialogHeader>
            <DialogTitle>Choose the assignee</DialogTitle>
            <DialogDescription>
              {status === "NEW"
                ? "Assigning a new ticket also moves it to Triaged."
                : "The ticket keeps its status; the change is kept in the timeline."}
            </DialogDescription>
          </DialogHeader>
          {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
          <FormField id="assignee" label="Assignee" error={result.validationErrors?.fieldErrors.assigneeId}>
            <NativeSelect name="assigneeId" defaultValue={assigneeId ?? ""}>
              <option value="">Nobody (unassigned)</option>
              {engineers.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <DialogFormActions pending={isPending} label="Save assignee" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
