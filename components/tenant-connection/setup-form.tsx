"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startSetupAction } from "@/lib/tenants/actions";

/**
 * "Set this up for me": the admin signs in at Microsoft with delegated, least-privilege scopes and
 * Breachdesk makes the Graph calls for what is missing. The highly privileged role is opt-in.
 */
export function SetupForm({
  tenantId,
  offerPrivileged,
  onlyPrivileged,
}: {
  tenantId: string;
  offerPrivileged: boolean;
  onlyPrivileged: boolean;
}) {
  // When the optional role is all that is left, asking for the setup means asking for it.
  const [privileged, setPrivileged] = useState(onlyPrivileged);
  const { execute, result, isPending, hasSucceeded } = useAction(startSetupAction, {
    onSuccess: ({ data }) => {
      if (data?.url) window.location.assign(data.url);
    },
  });
  const leaving = isPending || hasSucceeded;
  return (
    <form
      className="space-y-2 rounded-md border p-3"
      aria-label="Set up what is missing"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantId, privileged });
      }}
    >
      <h3 className="text-sm font-semibold">Set up what is missing</h3>
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <p className="text-sm text-muted-foreground">
        You sign in at Microsoft as an administrator of the tenant (a Privileged Role Administrator for roles; an Application Administrator
        for the service principal) and consent only to what the missing items need. Breachdesk uses that sign-in once and keeps no token.
      </p>
      {offerPrivileged && (
        <div className="flex items-start gap-2 text-sm">
          <input
            id={`setup-privileged-${tenantId}`}
            type="checkbox"
            className="mt-0.5 size-4"
            checked={privileged}
            onChange={(e) => setPrivileged(e.target.checked)}
          />
          <label htmlFor={`setup-privileged-${tenantId}`}>
            Also let Breachdesk reset administrators&apos; passwords (Privileged Authentication Administrator)
          </label>
        </div>
      )}
      <Button type="submit" disabled={leaving}>
        {leaving ? "Opening Microsoft sign-in…" : "Set this up for me"}
      </Button>
    </form>
  );
}
