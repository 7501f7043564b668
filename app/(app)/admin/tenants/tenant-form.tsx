"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { optionsOf, SelectField } from "@/components/ui/select-field";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { createTenantAction, updateTenantAction } from "@/lib/tenants/actions";
import { CONNECTION_KIND_LABELS, CONNECTION_MODE_LABELS } from "@/lib/tenants/schemas";

export type TenantFormValues = {
  displayName: string;
  entraTenantId: string;
  primaryDomain: string;
  connectionKind: keyof typeof CONNECTION_KIND_LABELS;
  connectionMode: keyof typeof CONNECTION_MODE_LABELS;
  clientId: string;
  serviceMailbox: string;
  requireApproval: boolean;
};

const EMPTY: TenantFormValues = {
  displayName: "",
  entraTenantId: "",
  primaryDomain: "",
  connectionKind: "ENTRA",
  connectionMode: "DEPLOYMENT_APP",
  clientId: "",
  serviceMailbox: "",
  requireApproval: false,
};

type Props =
  | { tenantId?: undefined; initial?: undefined; hasSecret?: undefined }
  | { tenantId: string; initial: TenantFormValues; hasSecret: boolean };

/**
 * Adds a tenant (no tenantId) or edits one. With Breachdesk's app the tenant's admin connects it
 * by consent (the tenant id comes from there); with its own app registration a platform admin
 * types the tenant id, client id and secret. The secret is write-only: never shown, blank keeps it.
 */
export function TenantForm({ tenantId, initial = EMPTY, hasSecret = false }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const clearSecret = () => {
    const secret = formRef.current?.elements.namedItem("clientSecret");
    if (secret instanceof HTMLInputElement) secret.value = "";
  };
  const create = useAction(createTenantAction, { onSuccess: () => formRef.current?.reset() });
  const update = useAction(updateTenantAction, { onSuccess: clearSecret });
  const { result, isPending, hasSucceeded } = tenantId ? update : create;
  useFocusFirstError(formRef, result);
  const errors = result.validationErrors?.fieldErrors ?? {};
  const prefix = tenantId ? "edit-tenant" : "new-tenant";

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "");
    const input = {
      displayName: get("displayName"),
      entraTenantId: get("entraTenantId"),
      primaryDomain: get("primaryDomain"),
      connectionKind: get("connectionKind") as never,
      connectionMode: get("connectionMode") as never,
      clientId: get("clientId"),
      clientSecret: get("clientSecret"),
      serviceMailbox: get("serviceMailbox"),
      requireApproval: f.get("requireApproval") === "on",
    };
    if (tenantId) update.execute({ ...input, tenantId });
    else create.execute(input);
  }

  const saved =
    tenantId && update.result.data ? (update.result.data.changed.length ? "Tenant saved." : "No changes to save.") : "Tenant added.";
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      aria-label={tenantId ? "Edit tenant" : "Add a tenant"}
    >
      {result.serverError?.message && (
        <Alert variant="destructive" className="sm:col-span-2">
          {result.serverError?.message}
        </Alert>
      )}
      {hasSucceeded && !isPending && (
        <Alert variant="success" className="sm:col-span-2">
          {saved}
        </Alert>
      )}
      <FormField id={`${prefix}-name`} label="Display name" error={errors.displayName}>
        <Input name="displayName" defaultValue={initial.displayName} autoComplete="off" />
      </FormField>
      <FormField id={`${prefix}-domain`} label="Primary domain" error={errors.primaryDomain} hint="e.g. contoso.com">
        <Input name="primaryDomain" defaultValue={initial.primaryDomain} autoComplete="off" />
      </FormField>
      <SelectField
        id={`${prefix}-mode`}
        label="App"
        error={errors.connectionMode}
        hint="Breachdesk's app: the tenant's admin connects it by consent"
        name="connectionMode"
        defaultValue={initial.connectionMode}
        options={optionsOf(CONNECTION_MODE_LABELS)}
      />
      <FormField
        id={`${prefix}-entra-id`}
        label="Entra tenant id"
        error={errors.entraTenantId}
        hint="The directory (tenant) id, a GUID; with Breachdesk's app, learned from consent"
      >
        <Input name="entraTenantId" defaultValue={initial.entraTenantId} autoComplete="off" className="font-mono" />
      </FormField>
      <SelectField
        id={`${prefix}-kind`}
        label="Connection"
        error={errors.connectionKind}
        name="connectionKind"
        defaultValue={initial.connectionKind}
        options={optionsOf(CONNECTION_KIND_LABELS)}
      />
      <FormField
        id={`${prefix}-client-id`}
        label="App client id"
        error={errors.clientId}
        hint="Own app registration only: its application (client) id"
      >
        <Input name="clientId" defaultValue={initial.clientId} autoComplete="off" className="font-mono" />
      </FormField>
      <FormField
        id={`${prefix}-secret`}
        label={hasSecret ? "Client secret (optional)" : "Client secret"}
        error={errors.clientSecret}
        hint={
          hasSecret
            ? "A secret is stored (encrypted). Leave blank to keep it."
            : "Own app registration only. Stored encrypted; never shown again."
        }
      >
        <Input name="clientSecret" type="password" autoComplete="new-password" />
      </FormField>
      <FormField
        id={`${prefix}-mailbox`}
        label="Service mailbox (optional)"
        error={errors.serviceMailbox}
        hint="Sends advisories to recipient domains"
      >
        <Input name="serviceMailbox" type="email" defaultValue={initial.serviceMailbox} autoComplete="off" />
      </FormField>
      <div className="flex items-start gap-2 self-center text-sm">
        <input
          id={`${prefix}-approval`}
          type="checkbox"
          name="requireApproval"
          defaultChecked={initial.requireApproval}
          className="mt-0.5 size-4"
        />
        <label htmlFor={`${prefix}-approval`}>Require a second person&apos;s approval before destructive steps</label>
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : tenantId ? "Save tenant" : "Add tenant"}
        </Button>
      </div>
    </form>
  );
}
