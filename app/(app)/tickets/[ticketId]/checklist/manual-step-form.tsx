"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { recordManualStepAction } from "@/lib/remediation/actions";

/** Done (with what was found), or skipped / not applicable with a reason. */
export function ManualStepForm({ ticketId, stepKey, allowDone }: { ticketId: string; stepKey: string; allowDone: boolean }) {
  const { execute, isPending, result } = useAction(recordManualStepAction);
  const error = result.validationErrors?.fieldErrors.note?.join(" ") ?? result.serverError;
  function submit(form: HTMLFormElement, state: "DONE" | "SKIPPED" | "NOT_APPLICABLE") {
    execute({ ticketId, stepKey, state, note: String(new FormData(form).get("note") ?? "") || undefined });
  }
  return (
    <form className="mt-1 flex flex-wrap items-center gap-1" onSubmit={(e) => e.preventDefault()} aria-label={`Record ${stepKey}`}>
      <Input name="note" aria-label="Note or reason" placeholder="What you found, or why not" className="h-8 w-56 text-xs" aria-invalid={error ? true : undefined} />
      {allowDone && (
        <Button size="sm" variant="outline" disabled={isPending} onClick={(e) => submit(e.currentTarget.form!, "DONE")}>Mark done</Button>
      )}
      <Button size="sm" variant="ghost" disabled={isPending} onClick={(e) => submit(e.currentTarget.form!, "SKIPPED")}>Skip</Button>
      <Button size="sm" variant="ghost" disabled={isPending} onClick={(e) => submit(e.currentTarget.form!, "NOT_APPLICABLE")}>Not applicable</Button>
      {error && <span role="alert" className="w-full text-xs text-destructive">{error}</span>}
    </form>
  );
}
