"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { SelectOptions } from "@/components/ui/select-field";
import { Textarea } from "@/components/ui/textarea";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { createTicketAction } from "@/lib/intake/actions";
import { exampleUpn } from "@/lib/tickets/schemas";
import { DuplicateNotice, type Duplicate } from "./duplicate-notice";
import { OtherAccountsField } from "./other-accounts-field";

type Props = {
  symptoms: { value: string; label: string }[];
  tenants: { id: string; displayName: string; primaryDomain: string }[];
  chooseTenant: boolean;
};

/** The local time now, as a datetime-local value. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export function ReportIncidentForm({ symptoms, tenants, chooseTenant }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // Open incidents for the account, found on submit: the next submit files anyway.
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null);
  const [tenantId, setTenantId] = useState(chooseTenant ? "" : (tenants[0]?.id ?? ""));
  const { execute, result, isPending } = useAction(createTicketAction, {
    onSuccess: ({ data }) => {
      if (data.status === "filed") router.push(`/tickets/${data.id}`);
      else setDuplicates(data.duplicates);
    },
  });
  useFocusFirstError(formRef, result);
  const errors = result.validationErrors?.fieldErrors ?? {};
  const formErrors = result.validationErrors?.formErrors ?? [];
  // Examples in the tenant's own domain: the admin's, or the one a platform admin chose.
  const domain = tenants.find((t) => t.id === tenantId)?.primaryDomain;
  const filed = result.data?.status === "filed";
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (duplicates) noticeRef.current?.focus();
  }, [duplicates]);

  // The form is not reset after a failed submit: onSubmit prevents the native submission, so
  // everything typed stays in place beside its error.
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const detected = String(form.get("detectedAt") ?? "");
    const detectedDate = detected ? new Date(detected) : null;
    execute({
      affectedUpn: String(form.get("affectedUpn") ?? ""),
      title: String(form.get("title") ?? ""),
      symptoms: form.getAll("symptoms").map(String),
      symptomsNote: String(form.get("symptomsNote") ?? ""),
      detectedAt: detectedDate && !Number.isNaN(detectedDate.getTime()) ? detectedDate.toISOString() : "",
      severity: String(form.get("severity") ?? ""),
      tenantId: chooseTenant ? String(form.get("tenantId") ?? "") : undefined,
      otherAccounts: String(form.get("otherAccounts") ?? ""),
      fileAnyway: duplicates !== null,
    });
  }

  return (
    <Card>
      <CardContent className="pt-6">
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Report an incident">
          {(result.serverError?.message || formErrors.length > 0) && (
            <Alert variant="destructive">{result.serverError?.message ?? formErrors.join(" ")}</Alert>
          )}
          {chooseTenant && (
            <FormField id="tenantId" label="Tenant" error={errors.tenantId}>
              <NativeSelect
                id="tenantId"
                name="tenantId"
                value={tenantId}
                onChange={(e) => {
                  setTenantId(e.target.value);
                  setDuplicates(null);
                }}
              >
                <SelectOptions empty="Choose a tenant" options={tenants.map((t) => ({ value: t.id, label: t.displayName }))} />
              </NativeSelect>
            </FormField>
          )}
          <FormField
            id="affectedUpn"
            label="Affected account (UPN)"
            error={errors.affectedUpn}
            hint={`The user's sign-in name, e.g. ${exampleUpn(domain)}`}
          >
            {/* A different account may have no open incident: ask again on the next submit. */}
            <Input
              id="affectedUpn"
              name="affectedUpn"
              type="email"
              autoComplete="off"
              placeholder={exampleUpn(domain)}
              onChange={() => setDuplicates(null)}
            />
          </FormField>
          <OtherAccountsField error={errors.otherAccounts} example={exampleUpn(domain)} />
          <FormField id="title" label="Short title (optional)" error={errors.title}>
            <Input id="title" name="title" placeholder="e.g. Mailbox sending bulk mail to Gmail" />
          </FormField>
          <fieldset className="space-y-2" aria-describedby={errors.symptoms ? "symptoms-error" : undefined}>
            <legend className="text-sm font-medium">What did you observe?</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {symptoms.map((s, i) => (
                <label key={s.value} className="flex items-start gap-2 text-sm">
                  {/* shrink-0: a long label must not squeeze its box smaller than the others. */}
                  <input
                    type="checkbox"
                    name="symptoms"
                    value={s.value}
                    className="mt-0.5 size-4 shrink-0 accent-[var(--color-primary)]"
                    aria-invalid={errors.symptoms && i === 0 ? true : undefined}
                  />
                  <span>{s.label}</span>
                </label>
              ))}
            </div>
            {errors.symptoms && (
              <p id="symptoms-error" className="text-sm text-destructive">
                {errors.symptoms.join(" ")}
              </p>
            )}
          </fieldset>
          <FormField id="symptomsNote" label="Anything else you saw" error={errors.symptomsNote}>
            <Textarea id="symptomsNote" name="symptomsNote" rows={4} placeholder="Alerts, messages from recipients, times…" />
          </FormField>
          <div className="grid gap-5 sm:grid-cols-2">
            <FormField id="detectedAt" label="When was it detected?" error={errors.detectedAt} hint="Your local time">
              {/* Server and browser clocks differ by time zone; the browser's value wins. */}
              <Input id="detectedAt" name="detectedAt" type="datetime-local" defaultValue={nowLocal()} suppressHydrationWarning />
            </FormField>
            <FormField id="severity" label="Severity" error={errors.severity}>
              <NativeSelect id="severity" name="severity" defaultValue="HIGH">
                <option value="">Choose…</option>
                <option value="LOW">Low: one user, no mail sent</option>
                <option value="MEDIUM">Medium: suspicious activity</option>
                <option value="HIGH">High: mail sent from the account</option>
                <option value="CRITICAL">Critical: privileged or many accounts</option>
              </NativeSelect>
            </FormField>
          </div>
          {duplicates && <DuplicateNotice ref={noticeRef} duplicates={duplicates} />}
          <Button type="submit" disabled={isPending || filed}>
            {isPending || filed ? "Filing…" : duplicates ? "File anyway" : "File incident"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
