"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { revealCampaignPasswordsAction } from "@/lib/campaigns/actions";
import { PasswordDialog } from "../checklist/password-dialog";

/** The campaign's one-time passwords, all at once, in the single-account dialog (shown once, then erased; a colleague's need a reason). */
export function ShowPasswordsButton({ ticketId, count, needsReason }: { ticketId: string; count: number; needsReason: boolean }) {
  const [reason, setReason] = useState("");
  const [shown, setShown] = useState<{ account: string; value: string }[] | null>(null);
  const reveal = useAction(revealCampaignPasswordsAction, {
    onSuccess: ({ data }) => setShown(data.passwords.map((p) => ({ account: p.account, value: p.password }))),
  });
  const fieldError = reveal.result.validationErrors?.fieldErrors?.reason?.join(" ");
  if (count === 0 && !shown) return null;
  return (
    <div className="flex flex-wrap items-end gap-2">
      {count > 0 && needsReason && (
        <FormField id="campaign-password-reason" label="Why you reveal a colleague's passwords" error={fieldError}>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </FormField>
      )}
      {count > 0 && (
        <Button
          variant="outline"
          disabled={reveal.isPending}
          onClick={() => reveal.execute({ ticketId, reason: needsReason ? reason : undefined })}
        >
          {reveal.isPending ? "Revealing…" : `Show passwords (${count})`}
        </Button>
      )}
      {reveal.result.serverError?.message && (
        <span role="alert" className="text-xs text-destructive">
          {reveal.result.serverError.message}
        </span>
      )}
      <PasswordDialog password={null} many={shown} onClose={() => setShown(null)} />
    </div>
  );
}
