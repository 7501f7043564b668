import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/ticket-badges";
import { Badge } from "@/components/ui/badge";
import type { QueueRow } from "@/lib/tickets/queries";
import { formatTicketNumber } from "@/lib/tickets/format";
import { formatDateTime, formatRelative } from "@/lib/utils/dates";
import { slaReadings } from "@/lib/tickets/sla";
import { SlaCell } from "@/components/sla-text";

// The queue's hot path: dense (one line a row at 1440 px; long text cut, the whole in a tooltip)
// and lean — plain elements styled by `.queue` in app/globals.css, because every attribute of
// every row is rendered twice (HTML and the React payload).

function Cut({ text }: { text: string }) {
  return (
    <span className="cut" title={text}>
      {text}
    </span>
  );
}

function QueueRowCells({ t, showTenant, updated }: { t: QueueRow; showTenant: boolean; updated: boolean }) {
  const clocks = slaReadings(t);
  return (
    <tr>
      <td>
        <Link href={`/tickets/${t.id}`}>{formatTicketNumber(t.number)}</Link>
      </td>
      <td>
        <Cut text={t.title} />
      </td>
      <td className="mono">
        <Cut text={t.affectedUpn} />
      </td>
      {showTenant && (
        <td>
          <Cut text={t.tenant.displayName} />
        </td>
      )}
      <td>
        <SeverityBadge severity={t.severity} />
      </td>
      <td>
        <StatusBadge status={t.status} />
        {/* The engineer's returned report, and what changed since the reader last looked. */}
        {t.reviewStatus === "RETURNED" && showTenant && (
          <>
            {" "}
            <Badge variant="warning">Returned</Badge>
          </>
        )}
        {updated && (
          <>
            {" "}
            <Badge variant="info">Updated</Badge>
          </>
        )}
      </td>
      <td>{t.assignee ? <Cut text={t.assignee.name} /> : <span className="text-muted-foreground">Unassigned</span>}</td>
      <td>
        <time dateTime={t.createdAt.toISOString()} title={formatDateTime(t.createdAt)}>
          {formatRelative(t.createdAt)}
        </time>
      </td>
      {/* Both SLA clocks, from columns the row already has (no query per row). */}
      <td>
        <SlaCell srLabel="First response" clock={clocks.firstResponse} />
      </td>
      <td>
        {clocks.contain ? (
          <SlaCell srLabel="Time to contain" clock={clocks.contain} />
        ) : (
          <span className="text-xs text-muted-foreground">not applicable</span>
        )}
      </td>
    </tr>
  );
}

const HEADINGS = ["Ticket", "Title", "Account", "Tenant", "Severity", "Status", "Assignee", "Opened", "First response", "Time to contain"];

export function TicketTable({
  rows,
  showTenant,
  updated = new Set(),
}: {
  rows: QueueRow[];
  showTenant: boolean;
  updated?: ReadonlySet<string>;
}) {
  return (
    <div className="relative w-full overflow-x-auto rounded-md border">
      <table className="queue">
        <caption className="sr-only">Tickets, newest first</caption>
        <thead className="bg-muted/60">
          <tr>
            {HEADINGS.filter((h) => showTenant || h !== "Tenant").map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <QueueRowCells key={t.id} t={t} showTenant={showTenant} updated={updated.has(t.id)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
