"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { setAlertModeAction } from "@/lib/alerts/actions";

type Mode = "AUTOMATIC" | "SUGGEST" | "OFF";

/** What the tenant's Microsoft 365 alerts do (lib/alerts): open tickets, suggest them, or nothing. */
export function AlertModeForm({ tenantId, mode }: { tenantId: string; mode: Mode }) {
  const [value, setValue] = useState<Mode>(mode);
  const { execute, isPending, result } = useAction(setAlertModeAction);
  return (
    <form
      aria-label="Alerts"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantId, mode: value });
      }}
    >
      <FormField
        id="alert-mode"
        label="Microsoft 365 alerts"
        hint="Defender alerts, Identity Protection risk detections and risky users, read every minute."
        error={result.serverError?.message}
      >
        <NativeSelect name="mode" value={value} onChange={(e) => setValue(e.target.value as Mode)} className="w-80">
          <option value="AUTOMATIC">Open tickets automatically</option>
          <option value="SUGGEST">Suggest tickets for an engineer to accept</option>
          <option value="OFF">Do not read alerts</option>
        </NativeSelect>
      </FormField>
      <Button type="submit" variant="outline" disabled={isPending}>
        {isPending ? "Saving…" : "Save"}
      </Button>
      {result.data && (
        <span role="status" className="text-sm text-muted-foreground">
          Saved.
        </span>
      )}
    </form>
  );
}
