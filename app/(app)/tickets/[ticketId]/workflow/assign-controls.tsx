"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
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
  const action = useAction(assignTicketAction);
  return (
    <FormDialog
      className="max-w-md"
      trigger={
        <Button size="sm" variant="ghost">
          {assigneeId ? "Reassign…" : "Assign…"}
        </Button>
      }
      title="Choose the assignee"
      description={
        status === "NEW"
          ? "Assigning a new ticket also moves it to Triaged."
          : "The ticket keeps its status; the change is kept in the timeline."
      }
      formLabel="Choose the assignee"
      submitLabel="Save assignee"
      action={action}
      onSubmit={(f) => action.execute({ ticketId, assigneeId: String(f.get("assigneeId") ?? "") || null, version })}
    >
      <SelectField
        id="assignee"
        label="Assignee"
        error={action.result.validationErrors?.fieldErrors.assigneeId}
        name="assigneeId"
        defaultValue={assigneeId ?? ""}
        empty="Nobody (unassigned)"
        options={engineers.map((e) => ({ value: e.id, label: e.name }))}
      />
    </FormDialog>
  );
}
