"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { updatePreventiveItemAction } from "@/lib/preventive/actions";
import { PREVENTIVE_STATUS_LABELS, PREVENTIVE_STATUSES, type PreventiveStatus } from "@/lib/preventive/schemas";
import { SavedNow } from "../stages/saved-now";

export type PreventiveItemValues = {
  id: string;
  title: string;
  owner: string | null;
  status: string;
  dueAt: string;
  notes: string | null;
  updatedAt: string;
};

/**
 * One follow-up item, edited in place; saving sends the version it was loaded at. It has no
 * close button of its own: the row's Edit/Hide toggle opens and closes it.
 */
export function PreventiveItemForm({ item }: { item: PreventiveItemValues }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [dirty, setDirty] = useState(false);
  const { execute, result, isPending, hasSucceeded } = useAction(updatePreventiveItemAction, { onSuccess: () => setDirty(false) });
  const errors = result.validationErrors?.fieldErrors ?? {};
  const isConflict = useRefreshOnConflict(result.serverError);
  useFocusFirstError(formRef, result);
  const id = (field: string) => `item-${item.id}-${field}`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    execute({
      itemId: item.id,
      updatedAt: item.updatedAt,
      title: text("title"),
      owner: text("owner"),
      status: text("status") as PreventiveStatus,
      dueAt: text("dueAt"),
      notes: text("notes"),
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={() => setDirty(true)}
      noValidate
      aria-label={`Follow-up item: ${item.title}`}
      className="space-y-3"
    >
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      {isConflict && (
        <SavedNow
          items={[
            { term: "Measure", value: item.title },
            { term: "Owner", value: item.owner ?? "not assigned" },
            { term: "Status", value: PREVENTIVE_STATUS_LABELS[item.status as PreventiveStatus] ?? item.status },
            { term: "Due", value: item.dueAt || "none" },
            { term: "Notes", value: item.notes ?? "" },
          ]}
        />
      )}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_1fr]">
        <FormField id={id("title")} label="Measure" error={errors.title}>
          <Input name="title" defaultValue={item.title} />
        </FormField>
        <FormField id={id("owner")} label="Owner" error={errors.owner}>
          <Input name="owner" defaultValue={item.owner ?? ""} placeholder="Who follows up" />
        </FormField>
        <FormField id={id("status")} label="Status" error={errors.status}>
          <NativeSelect name="status" defaultValue={item.status}>
            {PREVENTIVE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PREVENTIVE_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id={id("due")} label="Due date" error={errors.dueAt}>
          <Input type="date" name="dueAt" defaultValue={item.dueAt} />
        </FormField>
      </div>
      <FormField id={id("notes")} label="Notes" error={errors.notes}>
        <Input name="notes" defaultValue={item.notes ?? ""} />
      </FormField>
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" variant={dirty ? "default" : "outline"} disabled={isPending}>
          {isPending ? "Saving…" : "Save item"}
        </Button>
        {dirty && (
          <span role="status" className="text-xs text-muted-foreground">
            Unsaved changes
          </span>
        )}
        {hasSucceeded && !dirty && !isPending && (
          <span role="status" className="text-xs text-success">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
