"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { updateAdvisoryAllowListAction } from "@/lib/advisories/actions";

/** The tenant's advisory allow-list: who else advisories sent from its mailbox may go to. */
export function AdvisoryAllowListForm({ tenantId, entries }: { tenantId: string; entries: string[] }) {
  const [value, setValue] = useState(entries.join("\n"));
  const save = useAction(updateAdvisoryAllowListAction);
  const error = save.result.validationErrors?.fieldErrors?.entries;
  return (
    <section aria-labelledby="allow-list-heading" className="space-y-2 rounded-md border p-4">
      <h2 id="allow-list-heading" className="text-base font-semibold">
        Advisory recipients
      </h2>
      <p className="text-sm text-muted-foreground">
        Advisories are sent from this tenant&apos;s security mailbox only to the recipient domain they are about. Add addresses (or whole
        @domains, e.g. your security partner&apos;s) that may also receive them.
      </p>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.execute({ tenantId, entries: value });
        }}
      >
        <FormField id="advisory-allow-list" label="Also allowed (one per line)" error={error}>
          <Textarea rows={4} value={value} onChange={(e) => setValue(e.target.value)} className="font-mono text-xs" />
        </FormField>
        <Button type="submit" variant="outline" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save recipients"}
        </Button>
        {save.hasSucceeded && (
          <p role="status" className="text-xs">
            Saved.
          </p>
        )}
        {save.result.serverError?.message && <Alert variant="destructive">{save.result.serverError?.message}</Alert>}
      </form>
    </section>
  );
}
