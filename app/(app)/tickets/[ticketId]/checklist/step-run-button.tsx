"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { runStepAction } from "@/lib/remediation/actions";
import type { StepParams } from "@/lib/remediation/step-operations";
import { isContainmentStep, type Confirmation } from "@/lib/remediation/step-words";
import { PasswordDialog } from "./password-dialog";

type Props = {
  ticketId: string;
  stepKey: string;
  label: string;
  /** The accessible name, with the step in it ("Run: Block sign-in"). */
  ariaLabel?: string;
  params?: StepParams;
  /** Destructive steps (and containment steps before any snapshot) ask first, naming the step and the account. */
  confirm?: Confirmation | null;
  /** Shown in the confirmation, e.g. that there is no evidence snapshot yet. */
  warning?: string | null;
  variant?: "outline" | "default" | "destructive";
  /** Kept mounted without its button (an approval just used), so the run's password and messages stay on screen. */
  hideTrigger?: boolean;
};

/** Runs one checklist step (or re-checks it); a confirmation first where the step asks for one. */
export function StepRunButton({
  ticketId,
  stepKey,
  label,
  ariaLabel,
  params,
  confirm,
  warning,
  variant = "outline",
  hideTrigger = false,
}: Props) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [password, setPassword] = useState<{ value: string; note: string | null } | null>(null);
  const { execute, isPending, result } = useAction(runStepAction, {
    onSuccess: ({ data }) => {
      setPassword(data.temporaryPassword ? { value: data.temporaryPassword, note: data.passwordNote } : null);
      setKey(crypto.randomUUID()); // the next click is a new run
    },
  });
  const run = () => execute({ ticketId, stepKey: stepKey as never, params, idempotencyKey: key });
  const trigger = (
    <Button
      size="sm"
      variant={variant}
      hidden={hideTrigger}
      disabled={isPending}
      aria-label={isPending ? undefined : ariaLabel}
      onClick={confirm ? undefined : run}
    >
      {isPending ? "Running…" : label}
    </Button>
  );
  return (
    <span className="inline-flex flex-col items-start gap-1">
      {confirm ? (
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          trigger={trigger}
          title={confirm.title}
          description={confirm.description}
          confirmLabel={confirm.action}
          onConfirm={() => {
            run();
            setOpen(false);
          }}
        >
          {warning && <Alert variant="warning">{warning}</Alert>}
        </ConfirmDialog>
      ) : (
        trigger
      )}
      {result.serverError?.message && (
        <span role="alert" className="text-xs text-destructive">
          {result.serverError?.message}
        </span>
      )}
      {result.data?.awaitingApproval && (
        <span role="status" className="text-xs text-warning">
          Waiting for approval: {result.data.awaitingApproval}
        </span>
      )}
      {result.data?.inProgress && (
        <span role="status" className="text-xs">
          {result.data.inProgress}
        </span>
      )}
      {result.data?.contained && !result.data.alreadyRan && isContainmentStep(stepKey) && (
        <span role="status" className="text-xs">
          Containment is settled: the account is contained.
        </span>
      )}
      <PasswordDialog password={password} onClose={() => setPassword(null)} />
    </span>
  );
}
