import type { QueueRow } from "@/lib/tickets/queries";
import { toQueueRowView } from "./queue-row-view";
import { QueueRows } from "./queue-rows";

// The queue's table: headings here, the rows in a client component fed plain data (queue-rows.tsx
// says why). One line a row at 1440 px.

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
      <table className="queue" role="table">
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
        <tbody role="rowgroup">
          <QueueRows rows={rows.map((t) => toQueueRowView(t, { showTenant, updated: updated.has(t.id) }))} showTenant={showTenant} />
        </tbody>
      </table>
    </div>
  );
}
