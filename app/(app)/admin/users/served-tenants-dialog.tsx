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
import { setServedTenantsAction } from "@/lib/users/actions";
import { readServedTenants, ServedTenantsFields } from "./served-tenants-fields";

type Tenant = { id: string; displayName: string };

/** Changes which tenants an engineer serves; takes effect on the engineer's next request. */
export function ServedTenantsDialog({
  userId,
  name,
  tenants,
  servesAllTenants,
  servedIds,
}: {
  userId: string;
  name: string;
  tenants: Tenant[];
  servesAllTenants: boolean;
  servedIds: string[];
}) {
  const [open, setOpen] = useState(false);
  const { execute, result, isPending, reset } = useAction(setServedTenantsAction, { onSuccess: () => setOpen(false) });
  const errors = result.validationErrors?.fieldErrors ?? {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    execute({ userId, ...readServedTenants(new FormData(event.currentTarget)) });
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
        <Button size="sm" variant="outline" aria-label={`Choose the tenants ${name} serves`}>
          Tenants…
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Tenants {name} serves</DialogTitle>
          <DialogDescription>They see and work only these tenants&apos; tickets, from their next page on.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Tenants ${name} serves`}>
          {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
          <ServedTenantsFields
            idPrefix={`served-${userId}`}
            tenants={tenants}
            defaultAll={servesAllTenants}
            defaultIds={servedIds}
            errors={errors.servedTenantIds}
          />
          <DialogFormActions pending={isPending} label="Save" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
