"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { updateOutcomeAction } from "@/lib/workflow/actions";

type Props = {
  ticketId: string;
  version: number;
  outcomeSummary: string;
  lessonsLearned: string;
  closureReason: string;
  readOnly: boolean;
};

/** Stage 7. On a conflict the typed text stays in the form: the writer reloads and saves again. */
export function OutcomeForm({ ticketId, version, readOnly, ...initial }: Props) {
  const { execute, result, isPending, hasSucceeded } = useAction(updateOutcomeAction);
  const errors = result.validationErrors?.fieldErrors ?? {};
  useRefreshOnConflict(result.serverError);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "");
    execute({
      ticketId,
      version,
      outcomeSummary: get("outcomeSummary"),
      lessonsLearned: get("lessonsLearned"),
      closureReason: get("closureReason"),
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Outcome">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      {hasSucceeded && !isPending && <Alert variant="success">Outcome saved.</Alert>}
      <FormField id="outcomeSummary" label="What was achieved" error={errors.outcomeSummary}>
        <Textarea name="outcomeSummary" rows={4} defaultValue={initial.outcomeSummary} readOnly={readOnly} />
      </FormField>
      <FormField id="lessonsLearned" label="Lessons learned" error={errors.lessonsLearned}>
        <Textarea name="lessonsLearned" rows={3} defaultValue={initial.lessonsLearned} readOnly={readOnly} />
      </FormField>
      <FormField id="closureReason" label="Closure reason" error={errors.closureReason}>
        <Input
          name="closureReason"
          defaultValue={initial.closureReason}
          readOnly={readOnly}
          placeholder="e.g. Resolved: account secured, recipients advised"
        />
      </FormField>
      {!readOnly && (
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save outcome"}
        </Button>
      )}
    </form>
  );
}
