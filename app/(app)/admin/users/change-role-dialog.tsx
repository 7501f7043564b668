"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
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
import { NativeSelect } from "@/components/ui/native-select";
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
  const [open, setOpen] = useState(false);
  const { execute, result, isPending, reset } = useAction(changeUserRoleAction, { onSuccess: () => setOpen(false) });
  const errors = result.validationErrors?.fieldErrors ?? {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    execute({ userId, role: String(f.get("role")) as Role, tenantId: String(f.get("tenantId") ?? "") });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Change the role of ${name}`}>
          Role…
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Role of {name}</DialogTitle>
          <DialogDescription>
            A new role or tenant signs them out everywhere. A new support engineer serves no tenant until you choose them with Tenants….
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Role of ${name}`}>
          {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
          <FormField id={`role-${userId}`} label="Role" error={errors.role}>
            <NativeSelect name="role" defaultValue={role}>
              {Object.entries(ROLE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id={`role-tenant-${userId}`} label="Tenant (tenant admins only)" error={errors.tenantId}>
            <NativeSelect name="tenantId" defaultValue={tenantId ?? ""}>
              <option value="">None</option>
              {tenants.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <DialogFormActions pending={isPending} label="Save" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
