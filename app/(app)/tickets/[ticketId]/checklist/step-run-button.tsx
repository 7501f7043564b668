"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import {
  AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { runStepAction } from "@/lib/remediation/actions";
import type { StepParams } from "@/lib/remediation/step-operations";

type Props = { ticketId: string; stepKey: string; label: string; params?: StepParams; confirm?: string };

/** Runs one checklist step; destructive ones ask first. */
export function StepRunButton({ ticketId, stepKey, label, params, confirm }: Props) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [password, setPassword] = useState<string | null>(null);
  const { execute, isPending, result } = useAction(runStepAction, {
    onSuccess: ({ data }) => {
      setPassword(data.temporaryPassword);
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
      <Dialog open={password !== null} onOpenChange={(o) => !o && setPassword(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Temporary password</DialogTitle>
            <DialogDescription>Shown once and not stored. The user must change it at next sign-in.</DialogDescription>
          </DialogHeader>
          <p className="select-all rounded-md border bg-muted px-3 py-2 font-mono text-base">{password}</p>
          <DialogFooter>
            <Button onClick={() => setPassword(null)}>I have stored it safely</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </span>
  );
}
