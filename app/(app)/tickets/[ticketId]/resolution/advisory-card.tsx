"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, type ButtonProps } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { markAdvisorySentAction, redraftAdvisoryAction, sendAdvisoryAction, updateAdvisoryAction } from "@/lib/advisories/actions";
import { ADVISORY_STATUS_LABELS, ADVISORY_STATUS_VARIANTS, advisoryAsText } from "@/lib/advisories/labels";
import { formatDateTime } from "@/lib/utils/dates";
import { SavedNow } from "../stages/saved-now";
import { AcknowledgeAdvisoryDialog } from "./acknowledge-advisory-dialog";
import { CopyAdvisoryButton } from "./copy-advisory-button";
import { SendAdvisoryDialog, type SendPreview } from "./send-advisory-dialog";

export type AdvisoryView = {
  id: string;
  domain: string;
  toAddresses: string[];
  subject: string;
  body: string;
  status: string;
  version: number;
  sentAt: string | null;
  sentByName: string | null;
  requestId: string | null;
  sentVia: "graph" | "copy" | null;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  acknowledgedFrom: string | null;
  /** What Breachdesk drafted, when an engineer has changed the text since (shown to the tenant's admin too). */
  drafted?: { subject: string; body: string } | null;
};

function sentHow(a: Pick<AdvisoryView, "sentVia" | "requestId">): string {
  if (a.sentVia === "copy") return " (copied and sent by hand)";
  if (a.sentVia === "graph") return a.requestId ? ` from the service mailbox (Graph request ${a.requestId})` : " from the service mailbox";
  return "";
}

/** "Acknowledged <when>, confirmed by <them>, recorded by <engineer>." */
function acknowledgedText(a: Pick<AdvisoryView, "acknowledgedAt" | "acknowledgedByName" | "acknowledgedFrom">): string {
  if (!a.acknowledgedAt) return "";
  const from = a.acknowledgedFrom ? `, confirmed by ${a.acknowledgedFrom}` : "";
  const by = a.acknowledgedByName ? `, recorded by ${a.acknowledgedByName}` : "";
  return ` Acknowledged ${formatDateTime(new Date(a.acknowledgedAt))}${from}${by}.`;
}

const splitAddresses = (raw: string) => [
  ...new Set(
    raw
      .split(/[\s,;]+/)
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean),
  ),
];

type CardProps = { advisory: AdvisoryView; canWork: boolean; canSend: boolean; senderMailbox: string | null };

export function AdvisoryCard({ advisory: a, canWork, canSend, senderMailbox }: CardProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [dirty, setDirty] = useState(false);
  const [sendPreview, setSendPreview] = useState<SendPreview | null>(null);
  // A redraft replaces the text on the server: a fresh form then shows it once the page reloads.
  const [formKey, setFormKey] = useState(0);
  const save = useAction(updateAdvisoryAction, { onSuccess: () => setDirty(false) });
  const send = useAction(sendAdvisoryAction);
  const markSent = useAction(markAdvisorySentAction);
  const redraft = useAction(redraftAdvisoryAction, {
    onSuccess: () => {
      setDirty(false);
      setFormKey((k) => k + 1);
    },
  });
  const busy = [save, send, markSent, redraft].some((x) => x.isPending);
  const errors = { ...(save.result.validationErrors?.fieldErrors ?? {}), ...(send.result.validationErrors?.fieldErrors ?? {}) } as Record<
    string,
    string[] | undefined
  >;
  const serverError = [save, send, markSent, redraft].map((x) => x.result.serverError).find(Boolean);
  // Someone else changed it: the page reloads (new version, their text below), the typed text stays.
  const isConflict = useRefreshOnConflict(serverError);
  useFocusFirstError(formRef, save.result.validationErrors ? save.result : send.result);
  const editable = canWork && a.status === "DRAFTED";
  const id = (field: string) => `advisory-${a.id}-${field}`;

  function formValues() {
    const form = new FormData(formRef.current!);
    return {
      toAddresses: String(form.get("toAddresses") ?? ""),
      subject: String(form.get("subject") ?? ""),
      body: String(form.get("body") ?? ""),
    };
  }

  function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.execute({ advisoryId: a.id, version: a.version, ...formValues() });
  }

  // Unsaved edits are saved first, so what goes out (or is recorded as sent) is what the engineer sees.
  async function afterSave(run: (version: number) => void) {
    let version = a.version;
    if (dirty) {
      const saved = await save.executeAsync({ advisoryId: a.id, version, ...formValues() });
      if (!saved?.data) return;
      version = saved.data.version;
    }
    run(version);
  }

  return (
    <article aria-label={`Advisory to ${a.domain}`} className="space-y-3 rounded-md border p-4">
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">
          <span className="font-mono">{a.domain}</span>
        </h3>
        <Badge variant={ADVISORY_STATUS_VARIANTS[a.status] ?? "neutral"}>{ADVISORY_STATUS_LABELS[a.status] ?? a.status}</Badge>
        <span className="text-xs text-muted-foreground">
          {a.sentAt && `Sent ${formatDateTime(new Date(a.sentAt))}${a.sentByName ? ` by ${a.sentByName}` : ""}${sentHow(a)}.`}
          {acknowledgedText(a)}
        </span>
      </header>
      {serverError?.message && <Alert variant="destructive">{serverError.message}</Alert>}
      {isConflict && editable && (
        <SavedNow
          items={[
            { term: "To", value: a.toAddresses.join(", ") },
            { term: "Subject", value: a.subject },
            { term: "Message", value: <pre className="max-h-40 overflow-auto whitespace-pre-wrap font-mono">{a.body}</pre> },
          ]}
        />
      )}
      {send.hasSucceeded && <Alert variant="success">Advisory sent to {a.domain}.</Alert>}
      {a.drafted && (
        <details className="rounded-md border border-amber-300 p-2 text-sm">
          <summary>Edited after Breachdesk drafted it: show the drafted text</summary>
          <p className="mt-2">
            <span className="text-muted-foreground">Drafted subject:</span> {a.drafted.subject}
          </p>
          <pre className="max-h-60 overflow-auto whitespace-pre-wrap rounded bg-muted/50 p-2 font-mono text-xs">{a.drafted.body}</pre>
        </details>
      )}

      {editable ? (
        <form key={formKey} ref={formRef} onSubmit={onSave} onChange={() => setDirty(true)} noValidate className="space-y-3">
          <FormField
            id={id("to")}
            label="To"
            error={errors.toAddresses}
            hint="The domain's admin addresses, separated by commas. Pre-filled with the standard abuse and postmaster addresses."
          >
            <Input name="toAddresses" defaultValue={a.toAddresses.join(", ")} />
          </FormField>
          <FormField id={id("subject")} label="Subject" error={errors.subject}>
            <Input name="subject" defaultValue={a.subject} />
          </FormField>
          <FormField id={id("body")} label="Message" error={errors.body}>
            <Textarea name="body" rows={14} defaultValue={a.body} className="font-mono text-xs" />
          </FormField>
          <div className="flex flex-wrap items-center gap-2">
            <Button
              type="button"
              onClick={() => {
                const v = formValues();
                setSendPreview({ to: splitAddresses(v.toAddresses), subject: v.subject.trim() });
              }}
              disabled={busy || !canSend}
              title={canSend ? undefined : "No service mailbox is configured for this tenant"}
            >
              {send.isPending ? "Sending advisory…" : "Send advisory"}
            </Button>
            <Button type="submit" variant="outline" disabled={busy || !dirty}>
              {save.isPending ? "Saving…" : "Save changes"}
            </Button>
            <CopyAdvisoryButton
              getText={() => advisoryAsText({ ...formValues(), toAddresses: splitAddresses(formValues().toAddresses) })}
            />
            <SmallButton
              variant="outline"
              disabled={busy}
              onClick={() => afterSave((version) => markSent.execute({ advisoryId: a.id, version }))}
            >
              Mark sent (copied)
            </SmallButton>
            <SmallButton variant="ghost" disabled={busy} onClick={() => redraft.execute({ advisoryId: a.id, version: a.version })}>
              Redraft from trace
            </SmallButton>
          </div>
          {dirty && (
            <p className="text-xs text-muted-foreground" role="status">
              Unsaved changes: they are saved before sending.
            </p>
          )}
        </form>
      ) : (
        <div className="space-y-2 text-sm">
          <p>
            <span className="text-muted-foreground">To:</span> {a.toAddresses.join(", ") || "not recorded"}
          </p>
          <p>
            <span className="text-muted-foreground">Subject:</span> {a.subject}
          </p>
          <pre className="max-h-80 overflow-auto whitespace-pre-wrap rounded bg-muted/50 p-3 font-mono text-xs">{a.body}</pre>
          {a.status === "SEND_UNKNOWN" && (
            <Alert variant="warning">
              Whether this advisory went out is not known: Graph did not answer, or the send was interrupted. Check the service
              mailbox&apos;s Sent Items{senderMailbox ? ` (${senderMailbox})` : ""}, then mark it sent or send it again knowingly. It is
              never sent again by itself.
            </Alert>
          )}
          {canWork && a.status === "SEND_UNKNOWN" && (
            <div className="flex flex-wrap items-center gap-2">
              <SmallButton variant="outline" disabled={busy} onClick={() => markSent.execute({ advisoryId: a.id, version: a.version })}>
                It went out: mark sent
              </SmallButton>
              <SmallButton
                variant="destructive"
                disabled={busy || !canSend}
                onClick={() => send.execute({ advisoryId: a.id, version: a.version, resendAfterUnknown: true })}
              >
                It did not go out: send again
              </SmallButton>
            </div>
          )}
          {canWork && (
            <div className="flex flex-wrap items-center gap-2">
              <CopyAdvisoryButton getText={() => advisoryAsText(a)} />
              {a.status === "SENT" && <AcknowledgeAdvisoryDialog advisoryId={a.id} version={a.version} domain={a.domain} />}
            </div>
          )}
        </div>
      )}
      {editable && (
        <SendAdvisoryDialog
          domain={a.domain}
          from={senderMailbox}
          preview={sendPreview}
          onCancel={() => setSendPreview(null)}
          onSend={() => {
            setSendPreview(null);
            void afterSave((version) => send.execute({ advisoryId: a.id, version }));
          }}
        />
      )}
    </article>
  );
}

/** The card's secondary buttons: small, never submitting the form. */
function SmallButton(props: Omit<ButtonProps, "type" | "size">) {
  return <Button type="button" size="sm" {...props} />;
}
