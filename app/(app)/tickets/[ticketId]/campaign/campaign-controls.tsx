"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { retryFailedCampaignAction, startCampaignAction, stopCampaignAction } from "@/lib/campaigns/actions";

type Props = { ticketId: string; idle: number; failed: number; running: number; selected: string[] };

/** Contain all (or the selection), retry failed, stop. Each only enqueues: the workers do the Graph writes. */
export function CampaignControls({ ticketId, idle, failed, running, selected }: Props) {
  const [open, setOpen] = useState(false);
  const start = useAction(startCampaignAction, { onSuccess: () => setOpen(false) });
  const retry = useAction(retryFailedCampaignAction);
  const stop = useAction(stopCampaignAction);
  const error = start.result.serverError?.message ?? retry.result.serverError?.message ?? stop.result.serverError?.message;
  const what =
    selected.length > 0
      ? `${selected.length} selected account${selected.length === 1 ? "" : "s"}`
      : `every account not started (${idle} step${idle === 1 ? "" : "s"})`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        trigger={
          <Button variant="destructive" disabled={start.isPending || (idle === 0 && selected.length === 0)}>
            {selected.length > 0 ? `Contain selected (${selected.length})` : "Contain all accounts"}
          </Button>
        }
        title={`Contain ${what}?`}
        description="For each account: reset the password (to be changed at next sign-in; you see the new passwords once, with “Show passwords”), enforce MFA, block sign-in and sign out of every session, then read the tenant back to verify each step. It runs in the background at the pace Microsoft Graph allows for this tenant; you can stop it at any time. When the tenant requires a second person’s approval, it asks once for the whole selection and runs as soon as it is approved."
        confirmLabel={start.isPending ? "Queuing…" : "Contain"}
        confirmDisabled={start.isPending}
        onConfirm={() => start.execute({ ticketId, accountIds: selected })}
      />
      <Button variant="outline" disabled={retry.isPending || failed === 0} onClick={() => retry.execute({ ticketId })}>
        {retry.isPending ? "Queuing…" : `Retry failed (${failed})`}
      </Button>
      <Button variant="outline" disabled={stop.isPending || running === 0} onClick={() => stop.execute({ ticketId })}>
        {stop.isPending ? "Stopping…" : "Stop"}
      </Button>
      {start.result.data && (
        <span role="status" className="text-sm text-muted-foreground">
          {"steps" in start.result.data
            ? `Queued ${start.result.data.steps} steps of ${start.result.data.accounts} accounts.`
            : `Waiting for approval to contain ${start.result.data.accounts} accounts: ${start.result.data.awaitingApproval}`}
        </span>
      )}
      {stop.result.data && (
        <span role="status" className="text-sm text-muted-foreground">
          Stopped: {stop.result.data.steps} queued steps cancelled.
        </span>
      )}
      {error && (
        <span role="alert" className="text-sm text-destructive">
          {error}
        </span>
      )}
    </div>
  );
}
