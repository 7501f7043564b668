"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { runContainmentAction } from "@/lib/remediation/actions";

export function ContainAccountButton({ ticketId, upn }: { ticketId: string; upn: string }) {
  const [key, setKey] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const { execute, isPending, result } = useAction(runContainmentAction, {
    onSuccess: ({ data }) => setPassword(data.temporaryPassword),
  });
  return (
    <div className="space-y-2">
      <AlertDialog
        open={confirming}
        onOpenChange={(open) => {
          if (open) setKey(crypto.randomUUID()); // one key per confirmation: a double click reuses it
          setConfirming(open);
        }}
      >
        <AlertDialogTrigger asChild>
          <Button variant="destructive" disabled={isPending}>{isPending ? "Containing…" : "Contain account"}</Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogTitle>Contain {upn}?</AlertDialogTitle>
          <AlertDialogDescription>
            This resets the password (to be changed at next sign-in), enforces MFA, blocks sign-in and signs the account out of every
            session, in one go through Microsoft Graph. The user cannot work until sign-in is allowed again.
          </AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <Button
              variant="destructive"
              disabled={isPending}
              onClick={() => {
                execute({ ticketId, idempotencyKey: key });
                setConfirming(false);
              }}
            >
              Contain now
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      {isPending && <p role="status" className="text-sm text-muted-foreground">Running the four steps through Microsoft Graph…</p>}
      {result.serverError && <Alert variant="destructive">{result.serverError}</Alert>}
      {result.data?.awaitingApproval && <Alert variant="warning">Waiting for a second person: {result.data.awaitingApproval}</Alert>}
      {result.data && !result.data.awaitingApproval && !result.data.contained && !result.data.alreadyRan && (
        <Alert variant="warning">Not every step was verified. See the failed rows below; fix the cause and run again.</Alert>
      )}
      <Dialog open={password !== null} onOpenChange={(open) => !open && setPassword(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Temporary password</DialogTitle>
            <DialogDescription>
              Shown once and not stored. Give it to the user through a trusted channel; they must change it at next sign-in.
            </DialogDescription>
          </DialogHeader>
          <p className="select-all rounded-md border bg-muted px-3 py-2 font-mono text-base" data-testid="temporary-password">{password}</p>
          <DialogFooter>
            <Button variant="outline" onClick={() => password && navigator.clipboard?.writeText(password)}>Copy</Button>
            <Button onClick={() => setPassword(null)}>I have stored it safely</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
