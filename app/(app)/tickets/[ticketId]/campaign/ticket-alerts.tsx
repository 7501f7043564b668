import type { Viewer } from "@/lib/auth/viewer";
import { listTicketAlerts } from "@/lib/alerts/queries";
import type { Db } from "@/lib/db/create-client";
import { formatDateTime } from "@/lib/utils/dates";

/** The Microsoft 365 alerts attached to the ticket: the evidence that opened it or joined it. */
export async function TicketAlerts({ db, viewer, ticketId }: { db: Db; viewer: Viewer; ticketId: string }) {
  const alerts = await listTicketAlerts(db, viewer, ticketId);
  if (alerts.length === 0) return null;
  return (
    <details className="rounded-md border p-2 text-sm" open={alerts.length <= 5}>
      <summary className="cursor-pointer font-medium">Microsoft 365 alerts attached ({alerts.length})</summary>
      <ul className="mt-2 space-y-1">
        {alerts.slice(0, 200).map((a) => (
          <li key={a.id}>
            <span className="text-muted-foreground">{formatDateTime(a.raisedAt)}</span> · {a.severity} · {a.title} ·{" "}
            <span className="font-mono text-xs">{a.upn}</span>
            <span className="text-xs text-muted-foreground">
              {" "}
              ({a.source === "alerts_v2" ? "Defender alert" : "Identity Protection"} {a.externalId})
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
