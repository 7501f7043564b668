"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { addPreventiveItemAction } from "@/lib/preventive/actions";

export function AddItemForm({ ticketId }: { ticketId: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  // Cleared only once the server accepted it; on an error the typed values stay.
  const { execute, result, isPending } = useAction(addPreventiveItemAction, { onSuccess: () => formRef.current?.reset() });
  const errors = result.validationErrors?.fieldErrors ?? {};
  useFocusFirstError(formRef, result);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    execute({ ticketId, title: text("title"), owner: text("owner"), dueAt: text("dueAt"), notes: text("notes") });
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label="Add a follow-up item"
      className="space-y-3 rounded-md border border-dashed p-4"
    >
      <h3 className="text-sm font-semibold">Add a follow-up item</h3>
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <FormField id="new-item-title" label="Measure" error={errors.title}>
          <Input name="title" />
        </FormField>
        <FormField id="new-item-owner" label="Owner" error={errors.owner}>
          <Input name="owner" />
        </FormField>
        <FormField id="new-item-due" label="Due date" error={errors.dueAt}>
          <Input type="date" name="dueAt" />
        </FormField>
      </div>
      <FormField id="new-item-notes" label="Notes" error={errors.notes}>
        <Input name="notes" />
      </FormField>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Adding…" : "Add item"}
      </Button>
    </form>
  );
}
