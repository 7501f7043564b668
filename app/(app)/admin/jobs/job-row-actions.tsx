"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { cancelJobAction, retryJobAction } from "@/lib/jobs/actions";

/** Cancel (queued, waiting or running) and Run again (failed or cancelled) for one job. */
export function JobRowActions({
  jobId,
  kindLabel,
  canCancel,
  canRetry,
}: {
  jobId: string;
  kindLabel: string;
  canCancel: boolean;
  canRetry: boolean;
}) {
  const cancel = useAction(cancelJobAction);
  const retry = useAction(retryJobAction);
  const pending = cancel.isPending || retry.isPending;
  const error = cancel.result.serverError?.message ?? retry.result.serverError?.message;
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-2">
      {error && (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      )}
      {canCancel && (
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          aria-label={`Cancel ${kindLabel} job`}
          onClick={() => cancel.execute({ jobId })}
        >
          Cancel
        </Button>
      )}
      {canRetry && (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          aria-label={`Run ${kindLabel} job again`}
          onClick={() => retry.execute({ jobId })}
        >
          Run again
        </Button>
      )}
    </span>
  );
}
