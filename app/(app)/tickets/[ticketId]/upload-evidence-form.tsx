"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

export function UploadEvidenceForm({ ticketId, canChooseVisibility }: { ticketId: string; canChooseVisibility: boolean }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [isPending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(undefined);
    startTransition(async () => {
      const res = await fetch(`/api/tickets/${ticketId}/attachments`, { method: "POST", body: data });
      if (res.ok) {
        formRef.current?.reset();
        router.refresh();
        return;
      }
      const body = (await res.json().catch(() => ({}))) as { fieldErrors?: { file?: string[] }; error?: string };
      setError(body.fieldErrors?.file?.join(" ") ?? body.error ?? "The upload failed.");
    });
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Attach evidence" className="flex flex-wrap items-end gap-2">
      <FormField id="evidence-file" label="Attach evidence (png, jpg, pdf, txt, csv, eml, msg, json; 10 MB)" error={error}>
        <Input name="file" type="file" accept=".png,.jpg,.jpeg,.pdf,.txt,.csv,.eml,.msg,.json" className="w-80" />
      </FormField>
      {canChooseVisibility && (
        <NativeSelect name="visibility" aria-label="Evidence visible to" defaultValue="INTERNAL" className="w-48">
          <option value="INTERNAL">Support team only</option>
          <option value="PUBLIC">Customer too</option>
        </NativeSelect>
      )}
      <Button type="submit" variant="outline" disabled={isPending}>{isPending ? "Uploading…" : "Upload"}</Button>
    </form>
  );
}
