"use client";

import { useAction } from "next-safe-action/hooks";
import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/use-action-form";
import { addAffectedUserAction, recheckPrimaryAccountAction, saveRecipientDomainAction } from "@/lib/scope/actions";

export function AddAffectedUserForm({ ticketId, tenantDomain }: { ticketId: string; tenantDomain: string }) {
  const { execute, result, isPending } = useAction(addAffectedUserAction, { onSuccess: () => formRef.current?.reset() });
  // "Not an account of this tenant" comes back as a server error shown beside the field: focus it too.
  const answer = useMemo(
    () => ({
      serverError: result.serverError,
      validationErrors: result.validationErrors ?? (result.serverError?.message ? true : undefined),
    }),
    [result],
  );
  const { formRef, onSubmit } = useActionForm(answer, (f) => execute({ ticketId, upn: String(f.get("upn") ?? "") }));
  return (
    <form ref={formRef} noValidate aria-label="Add an affected account" onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <FormField
        id="scope-upn"
        label="Another affected account"
        error={result.validationErrors?.fieldErrors.upn ?? result.serverError?.message}
      >
        <Input name="upn" type="email" placeholder={`name@${tenantDomain}`} className="w-full sm:w-72" />
      </FormField>
      <Button type="submit" variant="outline" disabled={isPending}>
        {isPending ? "Checking the tenant…" : "Add account"}
      </Button>
    </form>
  );
}

/** Checks the primary account against the tenant again (Graph). */
export function RecheckPrimaryButton({ ticketId, label }: { ticketId: string; label: string }) {
  const action = useAction(recheckPrimaryAccountAction);
  return (
    <ActionButton
      action={action}
      variant="outline"
      className="inline-flex flex-col items-start gap-1"
      onClick={() => action.execute({ ticketId })}
      pendingLabel="Checking the tenant…"
    >
      {label}
    </ActionButton>
  );
}

/** A domain the trace did not find; listed domains are corrected on their own row. */
export function SaveDomainForm({ ticketId }: { ticketId: string }) {
  const { execute, result, isPending } = useAction(saveRecipientDomainAction, { onSuccess: () => formRef.current?.reset() });
  const errors = result.validationErrors?.fieldErrors ?? {};
  const { formRef, onSubmit } = useActionForm(result, (f) =>
    execute({
      ticketId,
      domain: String(f.get("domain") ?? ""),
      messageCount: String(f.get("messageCount") ?? "0") as never,
      recipientCount: String(f.get("recipientCount") ?? "0") as never,
    }),
  );
  return (
    <form ref={formRef} noValidate aria-label="Add a recipient domain" className="space-y-2" onSubmit={onSubmit}>
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <div className="flex flex-wrap items-end gap-2">
        <FormField id="scope-domain" label="Recipient domain" error={errors.domain}>
          <Input name="domain" placeholder="gmail.com" className="w-48" />
        </FormField>
        <FormField id="scope-messages" label="Messages" error={errors.messageCount}>
          <Input name="messageCount" type="number" min={0} defaultValue={0} className="w-28" />
        </FormField>
        <FormField id="scope-recipients" label="Recipients" error={errors.recipientCount}>
          <Input name="recipientCount" type="number" min={0} defaultValue={0} className="w-28" />
        </FormField>
        <Button type="submit" variant="outline" disabled={isPending}>
          Add domain
        </Button>
      </div>
    </form>
  );
}
