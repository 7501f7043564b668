"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionButton } from "@/components/ui/action-button";
import { attestUnkeyedHistoryAction, verifyAuditChainAction } from "@/lib/audit-admin/actions";

export function VerifyNowButton() {
  const action = useAction(verifyAuditChainAction);
  return (
    <ActionButton action={action} onClick={() => action.execute({})} pendingLabel="Verifying…">
      Verify now
    </ActionButton>
  );
}

export function AttestButton({ events }: { events: number }) {
  const action = useAction(attestUnkeyedHistoryAction);
  return (
    <ActionButton action={action} variant="outline" onClick={() => action.execute({})} pendingLabel="Attesting…">
      {`Attest the ${events} unkeyed events`}
    </ActionButton>
  );
}
