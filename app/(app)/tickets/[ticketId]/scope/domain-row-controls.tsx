"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { correctRecipientDomainAction, deleteRecipientDomainAction, revertRecipientDomainAction } from "@/lib/scope/actions";

type Row = {
  id: string;
  domain: string;
  version: number;
  messageCount: number;
  recipientCount: number;
  hasTraceCounts: boolean;
  isEdited: boolean;
};

/**
 * Correct, revert or remove one recipient domain. Each change names the row's version; on a
 * conflict the typed counts stay and the table above shows the other engineer's.
 */
export function DomainRowControls({ row }: { row: Row }) {
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const correct = useAction(correctRecipientDomainAction);
  useFocusFirstError(formRef, correct.result);
  const revert = useAction(revertRecipientDomainAction);
  const remove = useAction(deleteRecipientDomainAction, { onSuccess: () => setOpen(false) });
  const errors = correct.result.validationErrors?.fieldErrors ?? {};
  const serverError = [correct, revert, remove].map((a) => a.result.serverError).find(Boolean);
  useRefreshOnConflict(serverError);
  const busy = correct.isPending || revert.isPending || remove.isPending;
  const id = (f: string) => `domain-${row.id}-${f}`;
  return (
    <div className="space-y-1 text-xs">
      <details>
        <summary className="cursor-pointer text-primary">
          Correct<span className="sr-only"> {row.domain}</span>
        </summary>
        <form
          ref={formRef}
          noValidate
          aria-label={`Correct ${row.domain}`}
          className="mt-1 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            correct.execute({
              domainId: row.id,
              version: row.version,
              messageCount: String(f.get("messageCount") ?? "") as never,
              recipientCount: String(f.get("recipientCount") ?? "") as never,
            });
          }}
        >
          <FormField id={id("messages")} label={`Messages to ${row.domain}`} error={errors.messageCount}>
            <Input name="messageCount" type="number" min={0} defaultValue={row.messageCount} className="w-24" />
          </FormField>
          <FormField id={id("recipients")} label={`Recipients at ${row.domain}`} error={errors.recipientCount}>
            <Input name="recipientCount" type="number" min={0} defaultValue={row.recipientCount} className="w-24" />
          </FormField>
          <Button type="submit" size="sm" disabled={busy}>
            {correct.isPending ? "Saving…" : "Save counts"}
          </Button>
        </form>
      </details>
      <div className="flex flex-wrap gap-1">
        {row.isEdited && row.hasTraceCounts && (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={busy}
            onClick={() => revert.execute({ domainId: row.id, version: row.version })}
          >
            Use trace counts<span className="sr-only"> for {row.domain}</span>
          </Button>
        )}
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          trigger={
            <Button type="button" size="sm" variant="ghost" disabled={busy}>
              Remove<span className="sr-only"> {row.domain}</span>
            </Button>
          }
          title={`Remove ${row.domain} from the scope?`}
          description={
            row.hasTraceCounts
              ? "The message trace found this domain: it comes back the next time the trace is run."
              : "The row and its counts are removed; the removal is kept in the timeline."
          }
          confirmLabel={`Remove ${row.domain}`}
          confirmDisabled={busy}
          onConfirm={() => remove.execute({ domainId: row.id, version: row.version })}
        >
          {remove.result.serverError?.message && (
            <p role="alert" className="text-sm text-destructive">
              {remove.result.serverError?.message}
            </p>
          )}
        </ConfirmDialog>
      </div>
      {correct.hasSucceeded && !correct.isPending && (
        <p role="status" className="text-success">
          Counts saved.
        </p>
      )}
      {serverError && (
        <p role="alert" className="text-destructive">
          {serverError.message}
        </p>
      )}
    </div>
  );
}
