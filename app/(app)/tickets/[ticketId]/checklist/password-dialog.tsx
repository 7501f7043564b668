"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

type Many = { account: string; value: string }[];

/**
 * The new temporary password (or a campaign's, `many`: account → password), shown once (its encrypted copy is erased as it is shown); with a note when Graph did not confirm
 * the reset. Escape, a click outside or the close button ask first: a password closed by
 * accident is gone, and the only way back is another reset.
 */
export function PasswordDialog({
  password,
  many,
  onClose,
}: {
  password: { value: string; note: string | null } | null;
  many?: Many | null;
  onClose: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const close = () => {
    setConfirming(false);
    setCopied("");
    onClose();
  };
  const copy = async (text: string | undefined) => {
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <Dialog open={password !== null || Boolean(many?.length)} onOpenChange={(open) => !open && setConfirming(true)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{many?.length ? `Temporary passwords (${many.length})` : "Temporary password"}</DialogTitle>
          <DialogDescription>
            Shown once: Breachdesk erases its copy now. Give it to the user through a trusted channel; they must change it at next sign-in.
          </DialogDescription>
        </DialogHeader>
        {password?.note && <Alert variant="warning">{password.note}</Alert>}
        {many?.length ? (
          <ul className="max-h-80 space-y-1 overflow-auto" aria-label="Temporary passwords">
            {many.map((m) => (
              <li key={m.account} className="flex items-center gap-2 text-sm" data-testid="campaign-password">
                <span className="min-w-0 flex-1 truncate font-mono text-xs">{m.account}</span>
                <span className="select-all rounded border bg-muted px-2 py-1 font-mono">{m.value}</span>
                <Button size="sm" variant="outline" aria-label={`Copy the password of ${m.account}`} onClick={() => void copy(m.value)}>
                  Copy
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="select-all rounded-md border bg-muted px-3 py-2 font-mono text-base" data-testid="temporary-password">
            {password?.value}
          </p>
        )}
        <p role="status" className="min-h-5 text-sm">
          {copied === "copied"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? "Could not copy: select the password and copy it yourself."
              : ""}
        </p>
        {confirming ? (
          <div role="alertdialog" aria-labelledby="password-leave-title" className="space-y-3 rounded-md border border-warning p-3">
            <p id="password-leave-title" className="text-sm font-medium">
              {many?.length
                ? "Close without storing them? The passwords cannot be shown again; you would have to reset them once more."
                : "Close without storing it? The password cannot be shown again; you would have to reset it once more."}
            </p>
            <div className="flex justify-end gap-2">
              <Button variant="outline" autoFocus onClick={() => setConfirming(false)}>
                Back to the password
              </Button>
              <Button variant="destructive" onClick={close}>
                Close anyway
              </Button>
            </div>
          </div>
        ) : (
          <DialogFooter>
            <Button
              variant="outline"
              onClick={() => void copy(many?.length ? many.map((m) => `${m.account}\t${m.value}`).join("\n") : password?.value)}
            >
              {copied === "copied" ? "Copied" : many?.length ? "Copy all" : "Copy"}
            </Button>
            <Button onClick={close}>I have stored it safely</Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
