"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFormActions,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { acknowledgeAdvisoryAction } from "@/lib/advisories/actions";

/** Records that the domain's admins confirmed: who confirmed (optional); the engineer and time are kept. */
export function AcknowledgeAdvisoryDialog({ advisoryId, version, domain }: { advisoryId: string; version: number; domain: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm">
          Mark acknowledged
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        {open && <AcknowledgeForm advisoryId={advisoryId} version={version} domain={domain} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function AcknowledgeForm({
  advisoryId,
  version,
  domain,
  onDone,
}: {
  advisoryId: string;
  version: number;
  domain: string;
  onDone: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const { execute, result, isPending } = useAction(acknowledgeAdvisoryAction, { onSuccess: onDone });
  useRefreshOnConflict(result.serverError);
  useFocusFirstError(formRef, result);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    execute({ advisoryId, version, acknowledgedFrom: String(new FormData(event.currentTarget).get("acknowledgedFrom") ?? "") });
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={`Record ${domain}'s acknowledgement`}>
      <DialogHeader>
        <DialogTitle>Record {domain}&apos;s acknowledgement</DialogTitle>
        <DialogDescription>
          Their admins confirmed they blocked or removed the mail. You are recorded as the person who noted it, with the time.
        </DialogDescription>
      </DialogHeader>
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <FormField
        id={`ack-${advisoryId}-from`}
        label="Who confirmed (optional)"
        hint="The name or address in their reply."
        error={result.validationErrors?.fieldErrors.acknowledgedFrom}
      >
        <Input name="acknowledgedFrom" placeholder={`postmaster@${domain}`} maxLength={200} />
      </FormField>
      <DialogFormActions pending={isPending} label="Record acknowledgement" />
    </form>
  );
}
