"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { addCommentAction } from "@/lib/comments/actions";

type Props = {
  ticketId: string;
  canWriteInternal: boolean;
  canWritePublic: boolean;
  /** Whether the customer got a reply yet (first response met). */ responded?: boolean;
};

/** What the chosen visibility means, said beside the box (first response is met by the first public reply). */
function visibilityHint(visibility: string, responded: boolean): string {
  if (visibility === "PUBLIC")
    return responded
      ? "Public update: the customer sees it and is told."
      : "Public update: the customer sees it and is told — this is the ticket's first response.";
  return "Internal note: only the support team sees it; it is not a reply to the customer.";
}

export function CommentForm({ ticketId, canWriteInternal, canWritePublic, responded = true }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [visibility, setVisibility] = useState(canWriteInternal ? "INTERNAL" : "PUBLIC");
  const { execute, result, isPending } = useAction(addCommentAction, {
    // Clear only after the server accepted it; on an error the text stays.
    onSuccess: () => {
      formRef.current?.reset();
      setVisibility(canWriteInternal ? "INTERNAL" : "PUBLIC");
    },
  });
  useFocusFirstError(formRef, result);
  if (!canWriteInternal && !canWritePublic) return null;
  const errors = result.validationErrors?.fieldErrors ?? {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const visibility = canWriteInternal ? String(form.get("visibility")) : "PUBLIC";
    execute({ ticketId, body: String(form.get("body") ?? ""), visibility: visibility as "PUBLIC" | "INTERNAL" });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add a comment">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      <FormField id="comment-body" label={canWriteInternal ? "Add an update or note" : "Add an update"} error={errors.body}>
        <Textarea id="comment-body" name="body" rows={3} />
      </FormField>
      <div className="flex items-center gap-3">
        {canWriteInternal && (
          <>
            <label htmlFor="comment-visibility" className="text-sm">
              Visible to
            </label>
            <NativeSelect
              id="comment-visibility"
              name="visibility"
              value={visibility}
              onChange={(e) => setVisibility(e.target.value)}
              aria-describedby="comment-visibility-hint"
              className="w-auto"
            >
              <option value="INTERNAL">Support team only (internal)</option>
              {canWritePublic && <option value="PUBLIC">Customer too (public)</option>}
            </NativeSelect>
          </>
        )}
        <Button type="submit" disabled={isPending} className="ml-auto">
          {isPending ? "Posting…" : "Post"}
        </Button>
      </div>
      {canWriteInternal && (
        <p id="comment-visibility-hint" className="text-xs text-muted-foreground">
          {visibilityHint(visibility, responded)}
        </p>
      )}
    </form>
  );
}
