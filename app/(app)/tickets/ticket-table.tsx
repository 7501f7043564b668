import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/ticket-badges";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QueueRow } from "@/lib/tickets/queries";
import { formatTicketNumber } from "@/lib/tickets/format";
import { formatDateTime, formatRelative } from "@/lib/utils/dates";
import { slaReadings } from "@/lib/workflow/sla";
import { SlaCell } from "@/components/sla-text";

// Dense on purpose: one line a row at 1440 px. Long text is cut with the whole of it in a tooltip.
const cell = "px-2 whitespace-nowrap";

function QueueClocks({ row }: { row: QueueRow }) {
  const clocks = slaReadings(row);
  return (
    <>
      <TableCell className={cell}><SlaCell srLabel="First response" clock={clocks.firstResponse} /></TableCell>
      <TableCell className={cell}>
        {clocks.contain ? (
          <SlaCell srLabel="Time to contain" clock={clocks.contain} />
        ) : (
          <span className="text-xs text-muted-foreground">not applicable</span>
        )}
      </TableCell>
    </>
  );
}

function Cut({ text, className }: { text: string; className: string }) {
  return <span className={`block truncate ${className}`} title={text}>{text}</span>;
}

export function TicketTable({ rows, showTenant }: { rows: QueueRow[]; showTenant: boolean }) {
  return (
    <Table className="text-[13px]">
      <TableCaption className="sr-only">Tickets, newest first</TableCaption>
      <TableHeader>
        <TableRow>
          {["Ticket", "Title", "Account", ...(showTenant ? ["Tenant"] : []), "Severity", "Status", "Assignee", "Opened", "First response", "Time to contain"].map((h) => (
            <TableHead key={h} className={cell}>{h}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((t) => (
          <TableRow key={t.id}>
            <TableCell className={`${cell} font-mono text-xs`}>
              <Link href={`/tickets/${t.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                {formatTicketNumber(t.number)}
              </Link>
            </TableCell>
            <TableCell className={cell}><Cut text={t.title} className="max-w-[15rem]" /></TableCell>
            <TableCell className={`${cell} font-mono text-xs`}><Cut text={t.affectedUpn} className="max-w-[12rem]" /></TableCell>
            {showTenant && <TableCell className={cell}><Cut text={t.tenant.displayName} className="max-w-[8rem]" /></TableCell>}
            <TableCell className={cell}><SeverityBadge severity={t.severity} /></TableCell>
            <TableCell className={cell}><StatusBadge status={t.status} /></TableCell>
            <TableCell className={cell}>
              {t.assignee ? <Cut text={t.assignee.name} className="max-w-[8rem]" /> : <span className="text-muted-foreground">Unassigned</span>}
            </TableCell>
            <TableCell className={cell}>
              <time dateTime={t.createdAt.toISOString()} title={formatDateTime(t.createdAt)}>
                {formatRelative(t.createdAt)}
              </time>
            </TableCell>
            {/* Both SLA clocks, from columns the row already has (no query per row). */}
            <QueueClocks row={t} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
