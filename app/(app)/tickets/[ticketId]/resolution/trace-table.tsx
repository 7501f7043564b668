"use client";

import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/select-field";
import { DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { isUnsettledStatus, traceStatusLabel } from "@/lib/message-trace/statuses";
import { formatDateTime } from "@/lib/utils/dates";

type Row = { id: string; recipient: string; recipientDomain: string; subject: string | null; status: string; receivedAt: string };

const PAGE = 100;

function statusVariant(status: string) {
  if (isUnsettledStatus(status)) return "warning" as const;
  if (status === "delivered") return "neutral" as const;
  if (status === "failed" || status === "quarantined" || status === "filteredAsSpam") return "danger" as const;
  return "info" as const;
}

/** The trace rows, filtered in the browser (a ticket's trace is at most a few thousand rows). */
export function TraceTable({ rows, total, sender }: { rows: Row[]; total: number; sender: string }) {
  const [status, setStatus] = useState("");
  const [domain, setDomain] = useState("");
  const [shown, setShown] = useState(PAGE);
  const statuses = useMemo(() => [...new Set(rows.map((r) => r.status))].sort(), [rows]);
  const domains = useMemo(() => [...new Set(rows.map((r) => r.recipientDomain))].sort(), [rows]);
  const filtered = useMemo(
    () => rows.filter((r) => (!status || r.status === status) && (!domain || r.recipientDomain === domain)),
    [rows, status, domain],
  );
  const visible = filtered.slice(0, shown);
  // Choosing a filter starts the list again from its first page.
  const filters = [
    {
      id: "trace-filter-status",
      label: "Status",
      value: status,
      set: setStatus,
      selectClassName: "w-48",
      empty: "All statuses",
      options: statuses.map((s) => ({ value: s, label: traceStatusLabel(s) })),
    },
    {
      id: "trace-filter-domain",
      label: "Domain",
      value: domain,
      set: setDomain,
      selectClassName: "w-56",
      empty: "All domains",
      options: domains.map((d) => ({ value: d, label: d })),
    },
  ];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter trace results">
        {filters.map(({ set, ...filter }) => (
          <FilterSelect
            key={filter.id}
            {...filter}
            onChange={(e) => {
              set(e.target.value);
              setShown(PAGE);
            }}
          />
        ))}
        <p className="pb-2 text-sm text-muted-foreground" aria-live="polite">
          {filtered.length} of {total} message{total === 1 ? "" : "s"} match
        </p>
      </div>
      <DataTable
        caption={
          <>
            Message trace results: mail sent by {sender}
            {total > rows.length ? ` (the newest ${rows.length} of ${total} are listed)` : ""}.
          </>
        }
        columns={["Received", "Recipient", "Subject", "Status"]}
      >
        {visible.map((r) => (
          <TableRow key={r.id}>
            <TableCell className="whitespace-nowrap text-xs">{formatDateTime(new Date(r.receivedAt))}</TableCell>
            <TableCell className="font-mono text-xs">{r.recipient}</TableCell>
            <TableCell>{r.subject ?? <span className="text-muted-foreground">not recorded</span>}</TableCell>
            <TableCell>
              <Badge variant={statusVariant(r.status)}>{traceStatusLabel(r.status)}</Badge>
            </TableCell>
          </TableRow>
        ))}
        {visible.length === 0 && (
          <TableRow>
            <TableCell colSpan={4} className="text-center text-muted-foreground">
              No messages match these filters.
            </TableCell>
          </TableRow>
        )}
      </DataTable>
      {filtered.length > shown && (
        <Button type="button" variant="outline" size="sm" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, filtered.length - shown)} more
        </Button>
      )}
    </div>
  );
}
