import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/ticket-badges";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QueueRow } from "@/lib/tickets/queries";
import { formatTicketNumber } from "@/lib/tickets/format";
import { formatDateTime, formatRelative } from "@/lib/utils/dates";
import { slaReadings } from "@/lib/workflow/sla";
import { SlaText } from "@/components/sla-text";

function QueueClocks({ row }: { row: QueueRow }) {
  const clocks = slaReadings(row);
  return (
    <>
      <TableCell><SlaText label="" srLabel="First response" clock={clocks.firstResponse} /></TableCell>
      <TableCell>
        {clocks.contain ? (
          <SlaText label="" srLabel="Time to contain" clock={clocks.contain} />
        ) : (
          <span className="text-xs text-muted-foreground">not applicable</span>
        )}
      </TableCell>
    </>
  );
}

export function TicketTable({ rows, showTenant }: { rows: QueueRow[]; showTenant: boolean }) {
  return (
    <Table>
      <TableCaption className="sr-only">Tickets, newest first</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead className="w-24">Ticket</TableHead>
          <TableHead>Title</TableHead>
          <TableHead>Account</TableHead>
          {showTenant && <TableHead>Tenant</TableHead>}
          <TableHead>Severity</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Assignee</TableHead>
          <TableHead>Opened</TableHead>
          <TableHead>First response</TableHead>
          <TableHead>Time to contain</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((t) => (
          <TableRow key={t.id}>
            <TableCell className="font-mono text-xs">
              <Link href={`/tickets/${t.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                {formatTicketNumber(t.number)}
              </Link>
            </TableCell>
            <TableCell className="max-w-xs truncate">{t.title}</TableCell>
            <TableCell className="font-mono text-xs">{t.affectedUpn}</TableCell>
            {showTenant && <TableCell>{t.tenant.displayName}</TableCell>}
            <TableCell><SeverityBadge severity={t.severity} /></TableCell>
            <TableCell><StatusBadge status={t.status} /></TableCell>
            <TableCell>{t.assignee?.name ?? <span className="text-muted-foreground">Unassigned</span>}</TableCell>
            <TableCell>
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
