"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { chosenFileError, NO_FILE_MESSAGE } from "@/components/chosen-file";
import { useFocusFirstError } from "@/components/use-focus-first-error";

export function UploadEvidenceForm({ ticketId, canChooseVisibility }: { ticketId: string; canChooseVisibility: boolean }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // Each answer is a new object, so a repeated error moves focus to the field again.
  const [answer, setAnswer] = useState<{ error?: string }>({});
  const [isPending, startTransition] = useTransition();
  useFocusFirstError(
    formRef,
    useMemo(() => ({ validationErrors: answer.error ? answer : undefined }), [answer]),
  );
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // Nothing chosen: say so here rather than send an empty upload the server calls "empty".
    const missing = chosenFileError(data.get("file"));
    if (missing) {
      setAnswer({ error: missing });
      return;
    }
    setAnswer({});
    startTransition(async () => {
      const res = await fetch(`/api/tickets/${ticketId}/attachments`, { method: "POST", body: data });
      if (res.ok) {
        formRef.current?.reset();
        router.refresh();
        return;
      }
      const body = (await res.json().catch(() => ({}))) as { fieldErrors?: { file?: string[] }; error?: string };
      setAnswer({ error: body.fieldErrors?.file?.join(" ") ?? body.error ?? "The upload failed." });
    });
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Attach evidence" className="flex flex-wrap items-end gap-2">
      <FormField
        id="evidence-file"
        label="Attach evidence (png, jpg, pdf, txt, csv, eml, msg, json; 10 MB)"
        error={answer.error}
        className="min-w-0 max-w-full"
      >
        <Input
          name="file"
          type="file"
          accept=".png,.jpg,.jpeg,.pdf,.txt,.csv,.eml,.msg,.json"
          className="w-full sm:w-80"
          onChange={() => answer.error === NO_FILE_MESSAGE && setAnswer({})}
        />
      </FormField>
      {canChooseVisibility && (
        <NativeSelect name="visibility" aria-label="Evidence visible to" defaultValue="INTERNAL" className="w-48">
          <option value="INTERNAL">Support team only</option>
          <option value="PUBLIC">Customer too</option>
        </NativeSelect>
      )}
      <Button type="submit" variant="outline" disabled={isPending}>
        {isPending ? "Uploading…" : "Upload"}
      </Button>
    </form>
  );
}
