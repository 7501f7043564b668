"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { optionsOf, SelectField } from "@/components/ui/select-field";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { createUserAction } from "@/lib/users/actions";
import { readServedTenants, ServedTenantsFields } from "./served-tenants-fields";

export function CreateUserForm({ tenants }: { tenants: { id: string; displayName: string }[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const { execute, result, isPending, hasSucceeded } = useAction(createUserAction, { onSuccess: () => formRef.current?.reset() });
  const errors = result.validationErrors?.fieldErrors ?? {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "");
    execute({
      email: get("email"),
      name: get("name"),
      role: get("role") as never,
      tenantId: get("tenantId"),
      password: get("password"),
      ...readServedTenants(f),
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Add a user">
      {result.serverError?.message && (
        <Alert variant="destructive" className="sm:col-span-2">
          {result.serverError?.message}
        </Alert>
      )}
      {hasSucceeded && (
        <Alert variant="success" className="sm:col-span-2">
          User added.
        </Alert>
      )}
      <FormField id="new-user-name" label="Name" error={errors.name}>
        <Input name="name" autoComplete="off" />
      </FormField>
      <FormField id="new-user-email" label="Email" error={errors.email}>
        <Input name="email" type="email" autoComplete="off" />
      </FormField>
      <SelectField
        id="new-user-role"
        label="Role"
        error={errors.role}
        name="role"
        defaultValue="ENGINEER"
        options={optionsOf(ROLE_LABELS)}
      />
      <SelectField
        id="new-user-tenant"
        label="Tenant (tenant admins only)"
        error={errors.tenantId}
        name="tenantId"
        defaultValue=""
        empty="None"
        options={tenants.map((t) => ({ value: t.id, label: t.displayName }))}
      />
      <div className="sm:col-span-2">
        <ServedTenantsFields idPrefix="new-user" tenants={tenants} errors={errors.servedTenantIds} />
      </div>
      <FormField
        id="new-user-password"
        label="Initial password"
        error={errors.password}
        hint="12+ characters, upper and lower case and digits"
      >
        <Input name="password" type="password" autoComplete="new-password" />
      </FormField>
      <div className="flex items-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
