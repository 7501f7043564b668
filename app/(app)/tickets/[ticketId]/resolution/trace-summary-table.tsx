import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import type { DomainSummary } from "@/lib/message-trace/summarise";
import { formatDateTime } from "@/lib/utils/dates";

const SETTLED = ["delivered", "failed"] as const;

export function TraceSummaryTable({ summary }: { summary: DomainSummary[] }) {
  return (
    <DataTable
      caption="Mail by recipient domain. Getting status or pending = not delivered yet, so blocking still helps."
      columns={[
        "Domain",
        "Kind",
        { label: "Messages", className: "text-right" },
        { label: "Recipients", className: "text-right" },
        { label: "Getting status or pending", className: "text-right" },
        { label: "Delivered", className: "text-right" },
        { label: "Failed", className: "text-right" },
        { label: "Other", className: "text-right" },
        "Sent between",
      ]}
    >
      {summary.map((d) => {
        const rows = Object.values(d.byStatus).reduce((a, b) => a + b, 0);
        const other = rows - d.unsettledCount - SETTLED.reduce((a, s) => a + (d.byStatus[s] ?? 0), 0);
        return (
          <TableRow key={d.domain}>
            <TableCell className="font-mono">{d.domain}</TableCell>
            <TableCell>
              <Badge variant={d.isInternal ? "neutral" : "warning"}>{d.isInternal ? "Internal" : "External"}</Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">{d.messageCount}</TableCell>
            <TableCell className="text-right tabular-nums">{d.recipientCount}</TableCell>
            <TableCell className="text-right tabular-nums">{d.unsettledCount > 0 ? <strong>{d.unsettledCount}</strong> : 0}</TableCell>
            <TableCell className="text-right tabular-nums">{d.byStatus.delivered ?? 0}</TableCell>
            <TableCell className="text-right tabular-nums">{d.byStatus.failed ?? 0}</TableCell>
            <TableCell className="text-right tabular-nums">{other}</TableCell>
            <TableCell className="text-xs text-muted-foreground">
              {formatDateTime(d.firstAt)} – {formatDateTime(d.lastAt)}
            </TableCell>
          </TableRow>
        );
      })}
    </DataTable>
  );
}
