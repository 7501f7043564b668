"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { reviewReportAction } from "@/lib/reports/actions";

/** The decision is on the version shown: if it changed meanwhile, the page reloads and the comments stay. */
export function ReviewForm({ ticketId, version }: { ticketId: string; version: number }) {
  const { execute, result, isPending } = useAction(reviewReportAction);
  useRefreshOnConflict(result.serverError);
  function decide(form: HTMLFormElement, decision: "APPROVED" | "RETURNED") {
    execute({ ticketId, version, decision, comments: String(new FormData(form).get("comments") ?? "") || undefined });
  }
  return (
    <form className="space-y-2" aria-label="Review" onSubmit={(e) => e.preventDefault()}>
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <FormField id="review-comments" label="Comments for the engineer" error={result.validationErrors?.fieldErrors.comments}>
        <Textarea name="comments" rows={3} />
      </FormField>
      <div className="flex gap-2">
        <Button disabled={isPending} onClick={(e) => decide(e.currentTarget.form!, "APPROVED")}>
          Approve version {version}
        </Button>
        <Button variant="outline" disabled={isPending} onClick={(e) => decide(e.currentTarget.form!, "RETURNED")}>
          Return with comments
        </Button>
      </div>
    </form>
  );
}
