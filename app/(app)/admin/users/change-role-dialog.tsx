"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { optionsOf, SelectField } from "@/components/ui/select-field";
import type { Role } from "@/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { changeUserRoleAction } from "@/lib/users/actions";

type Tenant = { id: string; displayName: string };

/** Changes a user's role (and a tenant admin's tenant); ends the user's sessions when it changes. */
export function ChangeRoleDialog({
  userId,
  name,
  role,
  tenantId,
  tenants,
}: {
  userId: string;
  name: string;
  role: Role;
  tenantId: string | null;
  tenants: Tenant[];
}) {
  const action = useAction(changeUserRoleAction);
  const errors = action.result.validationErrors?.fieldErrors ?? {};
  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="outline" aria-label={`Change the role of ${name}`}>
          Role…
        </Button>
      }
      title={`Role of ${name}`}
      description="A new role or tenant signs them out everywhere. A new support engineer serves no tenant until you choose them with Tenants…."
      formLabel={`Role of ${name}`}
      submitLabel="Save"
      action={action}
      onSubmit={(f) => action.execute({ userId, role: String(f.get("role")) as Role, tenantId: String(f.get("tenantId") ?? "") })}
    >
      <SelectField
        id={`role-${userId}`}
        label="Role"
        error={errors.role}
        name="role"
        defaultValue={role}
        options={optionsOf(ROLE_LABELS)}
      />
      <SelectField
        id={`role-tenant-${userId}`}
        label="Tenant (tenant admins only)"
        error={errors.tenantId}
        name="tenantId"
        defaultValue={tenantId ?? ""}
        empty="None"
        options={tenants.map((t) => ({ value: t.id, label: t.displayName }))}
      />
    </FormDialog>
  );
}
