"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { recordManualStepAction } from "@/lib/remediation/actions";

export type RecordMode = "DONE" | "SKIPPED" | "NOT_APPLICABLE";

// The service requires a reason to skip a step or call it not applicable; a done step's note is optional.
const TEXT: Record<RecordMode, { title: (step: string) => string; description: string; label: string; submit: string }> = {
  DONE: {
    title: (s) => `Mark “${s}” done`,
    description: "Say what you found or did; it is kept with the step.",
    label: "What you found (optional)",
    submit: "Mark done",
  },
  SKIPPED: {
    title: (s) => `Skip “${s}”`,
    description: "Say why the step is skipped; the reason is kept with the step.",
    label: "Reason (required)",
    submit: "Skip step",
  },
  NOT_APPLICABLE: {
    title: (s) => `“${s}” does not apply`,
    description: "Say why the step does not apply; the reason is kept with the step.",
    label: "Reason (required)",
    submit: "Mark not applicable",
  },
};

type Props = {
  ticketId: string;
  stepKey: string;
  stepTitle: string;
  mode: RecordMode | null;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
};

/** Records a step by hand in a small dialog; on an error it stays open with the text kept. */
export function StepRecordDialog({ mode, onClose, onCloseAutoFocus, ...step }: Props) {
  return (
    <Dialog open={mode !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-md" onCloseAutoFocus={onCloseAutoFocus}>
        {mode && <RecordForm key={mode} mode={mode} onDone={onClose} {...step} />}
      </DialogContent>
    </Dialog>
  );
}

// Mounted while the dialog is open, so every opening starts without an old error.
function RecordForm({
  ticketId,
  stepKey,
  stepTitle,
  mode,
  onDone,
}: {
  ticketId: string;
  stepKey: string;
  stepTitle: string;
  mode: RecordMode;
  onDone: () => void;
}) {
  const { execute, result, isPending } = useAction(recordManualStepAction, { onSuccess: onDone });
  const text = TEXT[mode];
  const id = `record-${stepKey}-note`;
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
    execute({ ticketId, stepKey, state: mode, note: note || undefined });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={text.title(stepTitle)}>
      <DialogHeader>
        <DialogTitle>{text.title(stepTitle)}</DialogTitle>
        <DialogDescription>{text.description}</DialogDescription>
      </DialogHeader>
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <FormField id={id} label={text.label} error={result.validationErrors?.fieldErrors.note}>
        <Textarea name="note" rows={3} aria-required={mode !== "DONE" || undefined} maxLength={2000} />
      </FormField>
      <DialogFormActions pending={isPending} label={text.submit} />
    </form>
  );
}
