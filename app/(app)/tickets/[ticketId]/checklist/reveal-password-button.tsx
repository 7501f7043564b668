"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { revealTemporaryPasswordAction } from "@/lib/remediation/actions";
import { PasswordDialog } from "./password-dialog";

/** Shows a kept password once; a colleague's needs a reason (audited). */
export function RevealPasswordButton({ passwordId, own, note }: { passwordId: string; own: boolean; note: string | null }) {
  const [reason, setReason] = useState("");
  const [password, setPassword] = useState<{ value: string; note: string | null } | null>(null);
  const reveal = useAction(revealTemporaryPasswordAction, { onSuccess: ({ data }) => setPassword({ value: data.password, note }) });
  const fieldError = reveal.result.validationErrors?.fieldErrors?.reason?.join(" ");
  return (
    <div className="flex flex-wrap items-end gap-2">
      {!own && (
        <FormField id={`reason-${passwordId}`} label="Why you reveal a colleague's password" error={fieldError}>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </FormField>
      )}
      <Button
        variant="outline"
        disabled={reveal.isPending}
        onClick={() => reveal.execute({ passwordId, reason: own ? undefined : reason })}
      >
        {reveal.isPending ? "Revealing…" : "Show the password once"}
      </Button>
      {reveal.result.serverError?.message && (
        <span role="alert" className="text-xs text-destructive">
          {reveal.result.serverError?.message}
        </span>
      )}
      <PasswordDialog password={password} onClose={() => setPassword(null)} />
    </div>
  );
}
