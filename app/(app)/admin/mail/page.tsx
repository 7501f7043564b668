import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getMailEnv } from "@/lib/env";
import { listOutgoingMail } from "@/lib/notifications/queries";
import { formatDateTime } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Outgoing mail" };
export const dynamic = "force-dynamic";

const STATUS_TEXT: Record<string, string> = { QUEUED: "Queued", SENT: "Sent", FAILED: "Failed", STORED: "Not sent (no SMTP server)" };

// Every notification mail as rendered — the same text SMTP sends — newest first. In the demo
// (no SMTP_URL) this is where a newcomer sees what the tenant admin would have received.
export default async function OutgoingMailPage() {
  const viewer = await authorizePage("mail.viewOutgoing", "/admin/mail");
  const mails = await listOutgoingMail(await getDb(), viewer);
  const mode = getMailEnv().mode;
  return (
    <div className="max-w-4xl space-y-5">
      <h1 className="text-xl font-semibold">Outgoing mail</h1>
      <p className="text-sm text-muted-foreground">
        {mode === "smtp"
          ? "Notification mail, sent through the SMTP server in SMTP_URL by a background job; a failed send is retried (see Jobs)."
          : "No SMTP server is configured (SMTP_URL), so these mails were rendered and kept here instead of being sent."}
      </p>
      {mails.length === 0 ? (
        <EmptyState title="No mail yet" description="Mail appears here when someone is notified, e.g. when an incident is picked up." />
      ) : (
        <ul className="space-y-3">
          {mails.map((m) => (
            <li key={m.id}>
              <article aria-label={m.subject} className="rounded-md border p-3 text-sm">
                <header className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-medium">{m.subject}</h2>
                  <span className="text-xs text-muted-foreground">
                    {STATUS_TEXT[m.status] ?? m.status}
                    {m.attempts > 1 ? ` after ${m.attempts} attempts` : ""} ·{" "}
                    <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                  </span>
                </header>
                <p className="text-xs text-muted-foreground">To {m.toAddress}</p>
                {m.lastError && m.status !== "SENT" && <p className="text-xs">Last error: {m.lastError}</p>}
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-primary">Show the mail</summary>
                  <pre className="mt-2 whitespace-pre-wrap rounded bg-muted p-2 text-xs">{m.text}</pre>
                </details>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
