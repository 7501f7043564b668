"use client";

import { useRef, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

/**
 * The other affected accounts of a campaign: pasted one per line, or a CSV file read into the
 * same box (a column headed `account`, else the first column), so the reporter sees and can
 * correct what is sent. The server checks each line.
 */
export function OtherAccountsField({ error, example }: { error?: string[]; example: string }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <FormField
        id="otherAccounts"
        label="Other affected accounts (optional)"
        error={error}
        hint="Several accounts at once (a spray, a phishing wave): one per line. They are filed as one campaign incident."
      >
        <Textarea id="otherAccounts" name="otherAccounts" ref={box} rows={4} placeholder={example} className="font-mono text-xs" />
      </FormField>
      <FormField
        id="accountsCsv"
        label="Or upload a CSV of accounts"
        error={fileError ?? undefined}
        hint="A column headed account, or the first column."
      >
        <Input
          id="accountsCsv"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file || !box.current) return;
            if (file.size > 1_000_000) return setFileError("That file is over 1 MB: split it into several reports.");
            setFileError(null);
            box.current.value = await file.text();
          }}
        />
      </FormField>
    </div>
  );
}
