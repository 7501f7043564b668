"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import {
  AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { runStepAction } from "@/lib/remediation/actions";
import type { StepParams } from "@/lib/remediation/step-operations";
import { CONTAINMENT_STEPS } from "@/lib/remediation/steps";
import { PasswordDialog } from "./password-dialog";

type Props = { ticketId: string; stepKey: string; label: string; params?: StepParams; confirm?: string };

/** Runs one checklist step; destructive ones ask first. */
export function StepRunButton({ ticketId, stepKey, label, params, confirm }: Props) {
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
  return (
    <span className="inline-flex flex-col items-start gap-1">
      {confirm ? (
        <AlertDialog open={open} onOpenChange={setOpen}>
          <AlertDialogTrigger asChild>
            <Button size="sm" variant="outline" disabled={isPending}>{isPending ? "Running…" : label}</Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogTitle>{label}?</AlertDialogTitle>
            <AlertDialogDescription>{confirm}</AlertDialogDescription>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <Button variant="destructive" onClick={() => { run(); setOpen(false); }}>{label}</Button>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : (
        <Button size="sm" variant="outline" disabled={isPending} onClick={run}>{isPending ? "Running…" : label}</Button>
      )}
      {result.serverError && <span role="alert" className="text-xs text-destructive">{result.serverError}</span>}
      {result.data?.awaitingApproval && <span role="status" className="text-xs text-warning">Waiting for approval: {result.data.awaitingApproval}</span>}
      {result.data?.contained && (CONTAINMENT_STEPS as readonly string[]).includes(stepKey) && (
        <span role="status" className="text-xs">All four containment steps are verified: the account is contained.</span>
      )}
      <PasswordDialog password={password} onClose={() => setPassword(null)} />
    </span>
  );
}
