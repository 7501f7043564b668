"use client";

import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/ticket-badges";
import { Badge } from "@/components/ui/badge";
import { SlaCell } from "@/components/sla-text";
import { formatDateTime } from "@/lib/utils/dates";
import type { QueueRowView } from "./queue-row-view";

// The queue's rows render here, from plain data, because the queue is the hottest page: a server
// component's markup travels twice (as HTML and again in the React payload), these rows' data
// once. Plain elements styled by `.queue` in app/globals.css; long text cut, the whole in a tooltip.

function Cut({ text }: { text: string }) {
  return (
    <span className="cut" title={text}>
      {text}
    </span>
  );
}

export function QueueRows({ rows, showTenant }: { rows: QueueRowView[]; showTenant: boolean }) {
  return rows.map((t) => (
    <tr key={t.id} role="row">
      <td role="cell">
        <Link href={`/tickets/${t.id}`}>{t.number}</Link>
      </td>
      <td role="cell">
        <Cut text={t.title} />
      </td>
      <td role="cell" className="mono">
        <Cut text={t.account} />
      </td>
      {showTenant && (
        <td role="cell">
          <Cut text={t.tenant} />
        </td>
      )}
      <td role="cell">
        <SeverityBadge severity={t.severity} />
      </td>
      <td role="cell">
        <StatusBadge status={t.status} />
        {/* The engineer's returned report, and what changed since the reader last looked. */}
        {t.returned && (
          <>
            {" "}
            <Badge variant="warning">Returned</Badge>
          </>
        )}
        {t.updated && (
          <>
            {" "}
            <Badge variant="info">Updated</Badge>
          </>
        )}
      </td>
      <td role="cell">{t.assignee ? <Cut text={t.assignee} /> : <span className="text-muted-foreground">Unassigned</span>}</td>
      <td role="cell">
        <time dateTime={t.openedAt} title={formatDateTime(new Date(t.openedAt))}>
          {t.opened}
        </time>
      </td>
      <td role="cell" data-label="Response">
        <SlaCell srLabel="First response" clock={t.firstResponse} />
      </td>
      <td role="cell" data-label="Contain">
        {t.contain ? (
          <SlaCell srLabel="Time to contain" clock={t.contain} />
        ) : (
          <span className="text-xs text-muted-foreground">not applicable</span>
        )}
      </td>
    </tr>
  ));
}
