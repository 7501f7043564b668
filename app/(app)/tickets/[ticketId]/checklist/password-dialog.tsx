"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/** The new temporary password, shown once (its encrypted copy is erased as it is shown); with a note when Graph did not confirm the reset. */
export function PasswordDialog({ password, onClose }: { password: { value: string; note: string | null } | null; onClose: () => void }) {
  return (
    <Dialog open={password !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Temporary password</DialogTitle>
          <DialogDescription>Shown once: Breachdesk erases its copy now. Give it to the user through a trusted channel; they must change it at next sign-in.</DialogDescription>
        </DialogHeader>
        {password?.note && <Alert variant="warning">{password.note}</Alert>}
        <p className="select-all rounded-md border bg-muted px-3 py-2 font-mono text-base" data-testid="temporary-password">{password?.value}</p>
        <DialogFooter>
          <Button variant="outline" onClick={() => password && navigator.clipboard?.writeText(password.value)}>Copy</Button>
          <Button onClick={onClose}>I have stored it safely</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
