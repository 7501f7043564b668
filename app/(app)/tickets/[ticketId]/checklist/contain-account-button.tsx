"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { runContainmentAction } from "@/lib/remediation/actions";
import { PasswordDialog } from "./password-dialog";

type Props = {
  ticketId: string;
  upn: string;
  hasSnapshot: boolean;
  /** Once contained, it is no longer the primary action: "Run containment again". */
  contained?: boolean;
  /** Another label for the same run (e.g. "Run the approved steps" in the approvals panel). */
  label?: string;
  /** Kept mounted without its button (an approval just used), so the run's password and messages stay on screen. */
  hideTrigger?: boolean;
};

export function ContainAccountButton({ ticketId, upn, hasSnapshot, contained = false, label, hideTrigger = false }: Props) {
  const [key, setKey] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState<{ value: string; note: string | null } | null>(null);
  // Steps left Verifying… are settled by the checklist (SettleWhileVerifying), once their rows show it.
  const { execute, isPending, result } = useAction(runContainmentAction, {
    onSuccess: ({ data }) => setPassword(data.temporaryPassword ? { value: data.temporaryPassword, note: data.passwordNote } : null),
  });
  const snapshot = result.data?.snapshot;
  return (
    <div className="space-y-2">
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (open) setKey(crypto.randomUUID()); // one key per confirmation: a double click reuses it
          setConfirming(open);
        }}
        trigger={
          <Button hidden={hideTrigger} variant={label ? "default" : contained ? "outline" : "destructive"} disabled={isPending}>
            {isPending ? "Containing…" : (label ?? (contained ? "Run containment again" : "Contain account"))}
          </Button>
        }
        title={contained ? `Run containment again for ${upn}?` : `Contain ${upn}?`}
        description={
          <>
            This resets the password (to be changed at next sign-in), enforces MFA, blocks sign-in and signs the account out of every
            session, in one go through Microsoft Graph. The user cannot work until sign-in is allowed again.
            {contained && " The account is already contained: this sets a new password and revokes the sessions again."}
            {!hasSnapshot && " There is no evidence snapshot yet: it is taken at the same time (containment changes nothing it reads)."}
          </>
        }
        confirmLabel="Contain now"
        confirmDisabled={isPending}
        onConfirm={() => {
          execute({ ticketId, idempotencyKey: key });
          setConfirming(false);
        }}
      />
      {isPending && (
        <p role="status" className="text-sm text-muted-foreground">
          Running the four steps through Microsoft Graph{hasSnapshot ? "" : " and taking the evidence snapshot"}…
        </p>
      )}
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      {result.data?.awaitingApproval && <Alert variant="warning">Waiting for a second person: {result.data.awaitingApproval}</Alert>}
      {result.data?.inProgress && (
        <Alert variant="info" role="status">
          {result.data.inProgress} Nothing was run twice; the checklist shows its progress.
        </Alert>
      )}
      {result.data &&
        !result.data.awaitingApproval &&
        !result.data.alreadyRan &&
        result.data.outcomes.some((o) => o.status === "FAILED" || o.status === "UNKNOWN") && (
          <Alert variant="warning">
            Not every step went through. A failed step says why in its row: fix the cause, then re-run it alone (or skip it with the reason,
            e.g. when the tenant&apos;s app lacks its permission). The ticket becomes Contained once each step is verified or set aside with
            a reason.
          </Alert>
        )}
      {snapshot?.message && <Alert variant={snapshot.status === "failed" ? "warning" : "info"}>{snapshot.message}</Alert>}
      <PasswordDialog password={password} onClose={() => setPassword(null)} />
    </div>
  );
}
