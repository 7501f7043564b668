"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/use-action-form";
import { updateIntakeAction } from "@/lib/tickets/actions";
import { fromUtcInputValue } from "@/lib/tickets/utc-input";

type Props = {
  ticketId: string;
  version: number;
  title: string;
  symptoms: string[];
  symptomsNote: string;
  detectedAtLocal: string;
  options: { value: string; label: string }[];
};

/** The engineer corrects the intake; the change history lands in the timeline. */
export function EditIntakeForm({ ticketId, version, options, ...initial }: Props) {
  const { execute, result, isPending, hasSucceeded } = useAction(updateIntakeAction);
  const errors = result.validationErrors?.fieldErrors ?? {};
  const { formRef, onSubmit } = useActionForm(result, (f) => {
    execute({
      ticketId,
      version,
      title: String(f.get("title") ?? ""),
      symptoms: f.getAll("symptoms").map(String) as never,
      symptomsNote: String(f.get("symptomsNote") ?? ""),
      detectedAt: fromUtcInputValue(String(f.get("detectedAt") ?? "")) as never,
    });
  });
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-primary">Edit intake</summary>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-2 space-y-3" aria-label="Edit intake">
        {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
        {hasSucceeded && !isPending && (
          <Alert variant="success">
            Intake updated{result.data?.changed.length ? `: ${result.data.changed.join(", ")}` : " (no changes)"}.
          </Alert>
        )}
        <FormField id="intake-title" label="Title" error={errors.title}>
          <Input name="title" defaultValue={initial.title} />
        </FormField>
        <fieldset className="grid gap-1 sm:grid-cols-2">
          <legend className="text-sm font-medium">Observed</legend>
          {options.map((o) => (
            <label key={o.value} className="flex items-start gap-2 text-xs">
              <input
                type="checkbox"
                name="symptoms"
                value={o.value}
                defaultChecked={initial.symptoms.includes(o.value)}
                className="mt-0.5 size-4 shrink-0"
              />{" "}
              {o.label}
            </label>
          ))}
        </fieldset>
        <FormField id="intake-note" label="Notes" error={errors.symptomsNote}>
          <Textarea name="symptomsNote" rows={3} defaultValue={initial.symptomsNote} />
        </FormField>
        <FormField id="intake-detected" label="Detected (UTC)" error={errors.detectedAt}>
          <Input name="detectedAt" type="datetime-local" defaultValue={initial.detectedAtLocal} />
        </FormField>
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? "Saving…" : "Save intake"}
        </Button>
      </form>
    </details>
  );
}
