"use client";

import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter trace results">
        <div className="grid gap-1.5">
          <label htmlFor="trace-filter-status" className="text-sm font-medium">
            Status
          </label>
          <NativeSelect
            id="trace-filter-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setShown(PAGE);
            }}
            className="w-48"
          >
            <option value="">All statuses</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {traceStatusLabel(s)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <label htmlFor="trace-filter-domain" className="text-sm font-medium">
            Domain
          </label>
          <NativeSelect
            id="trace-filter-domain"
            value={domain}
            onChange={(e) => {
              setDomain(e.target.value);
              setShown(PAGE);
            }}
            className="w-56"
          >
            <option value="">All domains</option>
            {domains.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </NativeSelect>
        </div>
        <p className="pb-2 text-sm text-muted-foreground" aria-live="polite">
          {filtered.length} of {total} message{total === 1 ? "" : "s"} match
        </p>
      </div>
      <Table>
        <TableCaption>
          Message trace results: mail sent by {sender}
          {total > rows.length ? ` (the newest ${rows.length} of ${total} are listed)` : ""}.
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Received</TableHead>
            <TableHead>Recipient</TableHead>
            <TableHead>Subject</TableHead>
            <TableHead>Status</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
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
        </TableBody>
      </Table>
      {filtered.length > shown && (
        <Button type="button" variant="outline" size="sm" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, filtered.length - shown)} more
        </Button>
      )}
    </div>
  );
}
