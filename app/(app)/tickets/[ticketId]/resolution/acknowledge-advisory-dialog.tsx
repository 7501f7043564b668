"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { acknowledgeAdvisoryAction } from "@/lib/advisories/actions";

/** Records that the domain's admins confirmed: who confirmed (optional); the engineer and time are kept. */
export function AcknowledgeAdvisoryDialog({ advisoryId, version, domain }: { advisoryId: string; version: number; domain: string }) {
  const action = useAction(acknowledgeAdvisoryAction);
  return (
    <FormDialog
      className="max-w-md"
      trigger={
        <Button type="button" size="sm">
          Mark acknowledged
        </Button>
      }
      title={`Record ${domain}'s acknowledgement`}
      description="Their admins confirmed they blocked or removed the mail. You are recorded as the person who noted it, with the time."
      formLabel={`Record ${domain}'s acknowledgement`}
      submitLabel="Record acknowledgement"
      action={action}
      onSubmit={(f) => action.execute({ advisoryId, version, acknowledgedFrom: String(f.get("acknowledgedFrom") ?? "") })}
    >
      <FormField
        id={`ack-${advisoryId}-from`}
        label="Who confirmed (optional)"
        hint="The name or address in their reply."
        error={action.result.validationErrors?.fieldErrors.acknowledgedFrom}
      >
        <Input name="acknowledgedFrom" placeholder={`postmaster@${domain}`} maxLength={200} />
      </FormField>
    </FormDialog>
  );
}
