"use client";

import { useState } from "react";

type Tenant = { id: string; displayName: string };

/**
 * The tenants a support engineer serves: all (also ones added later) or those ticked. Native
 * checkboxes named servesAllTenants / servedTenantIds, read from the form's FormData.
 */
export function ServedTenantsFields({
  idPrefix,
  tenants,
  defaultAll = false,
  defaultIds = [],
  errors,
}: {
  idPrefix: string;
  tenants: Tenant[];
  defaultAll?: boolean;
  defaultIds?: string[];
  errors?: string[];
}) {
  const [all, setAll] = useState(defaultAll);
  const errorId = `${idPrefix}-served-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={errors ? errorId : undefined}>
      <legend className="text-sm font-medium">Tenants served (support engineers)</legend>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="servesAllTenants"
          checked={all}
          onChange={(e) => setAll(e.target.checked)}
          className="mt-0.5 size-4 shrink-0 accent-[var(--color-primary)]"
        />
        <span>All tenants, including ones added later</span>
      </label>
      <div className="grid gap-2 sm:grid-cols-2">
        {tenants.map((t, i) => (
          <label key={t.id} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="servedTenantIds"
              value={t.id}
              defaultChecked={defaultIds.includes(t.id)}
              disabled={all}
              aria-invalid={errors && i === 0 ? true : undefined}
              className="mt-0.5 size-4 shrink-0 accent-[var(--color-primary)]"
            />
            <span>{t.displayName}</span>
          </label>
        ))}
      </div>
      {errors && (
        <p id={errorId} className="text-sm text-destructive">
          {errors.join(" ")}
        </p>
      )}
    </fieldset>
  );
}

/** The two fields as the server action takes them. */
export function readServedTenants(form: FormData) {
  const servesAllTenants = form.get("servesAllTenants") === "on";
  return { servesAllTenants, servedTenantIds: servesAllTenants ? [] : form.getAll("servedTenantIds").map(String) };
}
