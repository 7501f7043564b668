"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type SendPreview = { to: string[]; subject: string };

type Props = { domain: string; from: string | null; preview: SendPreview | null; onCancel: () => void; onSend: () => void };

/**
 * Sending mails people outside the organisation and cannot be undone, so it is confirmed with
 * what will go out: the sender, every recipient and the subject, as the form holds them now.
 */
export function SendAdvisoryDialog({ domain, from, preview, onCancel, onSend }: Props) {
  const count = preview?.to.length ?? 0;
  return (
    <ConfirmDialog
      open={preview !== null}
      onOpenChange={(open) => !open && onCancel()}
      className="max-w-lg"
      title={`Send the advisory to ${domain}?`}
      description="It goes out now through Microsoft Graph to the administrators of an outside domain, and cannot be recalled. Unsaved edits are saved first."
      confirmLabel={`Send to ${count} recipient${count === 1 ? "" : "s"}`}
      confirmVariant="default"
      confirmDisabled={count === 0}
      onConfirm={onSend}
    >
      {preview && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted-foreground">From</dt>
          <dd className="break-all font-mono text-xs">{from ?? "no service mailbox"}</dd>
          <dt className="text-muted-foreground">To</dt>
          <dd>
            {count > 0 ? (
              <ul aria-label="Recipients" className="space-y-0.5">
                {preview.to.map((address) => (
                  <li key={address} className="break-all font-mono text-xs">
                    {address}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-destructive">No recipients: enter at least one address first.</span>
            )}
          </dd>
          <dt className="text-muted-foreground">Subject</dt>
          <dd className="break-words">{preview.subject || <span className="text-destructive">No subject</span>}</dd>
        </dl>
      )}
    </ConfirmDialog>
  );
}
