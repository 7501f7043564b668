"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { addCampaignAccountsAction, addScopeAccountsAction } from "@/lib/campaigns/actions";

/** Adds affected accounts to the campaign: pasted, from a CSV file, or the scope stage's list. Keeps what was typed on error. */
export function AddAccountsForm({ ticketId, tenantDomain }: { ticketId: string; tenantDomain: string }) {
  const ref = useRef<HTMLFormElement>(null);
  const [text, setText] = useState("");
  const [source, setSource] = useState<"PASTE" | "CSV">("PASTE");
  const add = useAction(addCampaignAccountsAction, { onSuccess: () => setText("") });
  const scope = useAction(addScopeAccountsAction);
  useFocusFirstError(ref, add.result);
  const done = add.result.data;
  return (
    <form
      ref={ref}
      noValidate
      aria-label="Add affected accounts"
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        add.execute({ ticketId, accounts: text, source });
      }}
    >
      <FormField
        id="campaign-accounts"
        label="Affected accounts"
        hint={`One per line, or separated by commas; a CSV with a upn or email column works too. Only accounts of ${tenantDomain} are added.`}
        error={add.result.validationErrors?.fieldErrors.accounts ?? add.result.serverError?.message}
      >
        <Textarea
          name="accounts"
          rows={4}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSource("PASTE");
          }}
          placeholder={`ann@${tenantDomain}\nbob@${tenantDomain}`}
          className="font-mono text-xs"
        />
      </FormField>
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-sm">
          <span className="sr-only">Upload a CSV file of accounts</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-label="Upload a CSV file of accounts"
            className="text-xs file:mr-2 file:rounded file:border file:bg-background file:px-2 file:py-1"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) {
                setText(await f.text());
                setSource("CSV");
              }
            }}
          />
        </label>
        <Button type="submit" variant="outline" disabled={add.isPending || !text.trim()}>
          {add.isPending ? "Adding…" : "Add accounts"}
        </Button>
        <Button type="button" variant="ghost" disabled={scope.isPending} onClick={() => scope.execute({ ticketId })}>
          {scope.isPending ? "Adding…" : "Add the scope stage's accounts"}
        </Button>
      </div>
      {done && (
        <Alert variant="info">
          Added {done.added} account{done.added === 1 ? "" : "s"}.
          {done.duplicates > 0 && ` ${done.duplicates} duplicate${done.duplicates === 1 ? "" : "s"} skipped.`}
          {done.foreign.length > 0 &&
            ` Not in ${tenantDomain}, left out: ${done.foreign.slice(0, 5).join(", ")}${done.foreign.length > 5 ? ` and ${done.foreign.length - 5} more` : ""}.`}
          {done.invalid.length > 0 &&
            ` Not an account, left out: ${done.invalid.slice(0, 5).join(", ")}${done.invalid.length > 5 ? " …" : ""}.`}
        </Alert>
      )}
      {scope.result.data && (
        <p role="status" className="text-sm text-muted-foreground">
          Added {scope.result.data.added} account(s) from the scope stage.
        </p>
      )}
      {scope.result.serverError?.message && (
        <p role="alert" className="text-sm text-destructive">
          {scope.result.serverError?.message}
        </p>
      )}
    </form>
  );
}
