"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
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
  const action = useAction(setServedTenantsAction);
  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="outline" aria-label={`Choose the tenants ${name} serves`}>
          Tenants…
        </Button>
      }
      title={`Tenants ${name} serves`}
      description="They see and work only these tenants' tickets, from their next page on."
      formLabel={`Tenants ${name} serves`}
      submitLabel="Save"
      action={action}
      onSubmit={(f) => action.execute({ userId, ...readServedTenants(f) })}
    >
      <ServedTenantsFields
        idPrefix={`served-${userId}`}
        tenants={tenants}
        defaultAll={servesAllTenants}
        defaultIds={servedIds}
        errors={action.result.validationErrors?.fieldErrors.servedTenantIds}
      />
    </FormDialog>
  );
}
