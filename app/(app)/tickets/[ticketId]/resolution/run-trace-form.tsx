"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { runMessageTraceAction } from "@/lib/message-trace/actions";

// The window is typed in UTC (the app shows every time in UTC), so the value gets a "Z".
const toUtcInput = (iso: string) => iso.slice(0, 16);
const fromUtcInput = (value: string) => (value.trim() ? `${value}:00Z` : "");

export function RunTraceForm({ ticketId, defaultStart }: { ticketId: string; defaultStart: string }) {
  const { execute, result, isPending, hasSucceeded } = useAction(runMessageTraceAction);
  const errors = result.validationErrors?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, result);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    execute({
      ticketId,
      startDate: fromUtcInput(String(form.get("startDate") ?? "")),
      endDate: fromUtcInput(String(form.get("endDate") ?? "")),
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Run message trace" className="space-y-3">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      {hasSucceeded && result.data && (
        <Alert variant="success">
          Trace complete: {result.data.messages} message{result.data.messages === 1 ? "" : "s"} to {result.data.domains.length} domain
          {result.data.domains.length === 1 ? "" : "s"}.
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <FormField id="trace-start" label="Start (UTC)" error={errors.startDate} hint="Default: a week before detection.">
          <Input type="datetime-local" name="startDate" defaultValue={toUtcInput(defaultStart)} />
        </FormField>
        <FormField id="trace-end" label="End (UTC)" error={errors.endDate} hint="Leave blank for now.">
          <Input type="datetime-local" name="endDate" />
        </FormField>
        <Button type="submit" disabled={isPending} className="sm:mb-5">
          {isPending ? "Running message trace…" : "Run message trace"}
        </Button>
      </div>
    </form>
  );
}
