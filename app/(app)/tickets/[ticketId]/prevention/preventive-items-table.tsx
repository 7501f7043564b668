import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDueDate, toDateInput } from "@/lib/preventive/format";
import type { PreventiveItemRow as Item } from "@/lib/preventive/queries";
import { PreventiveItemRow } from "./preventive-item-row";
import { PreventiveStatusBadge } from "./preventive-status-badge";

/** The follow-up items, one compact row each; those who may work the ticket edit a row in place. */
export function PreventiveItemsTable({ items, canWork }: { items: Item[]; canWork: boolean }) {
  const columns = canWork ? 6 : 5;
  return (
    <Table>
      <TableCaption className="sr-only">Follow-up items</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Measure</TableHead>
          <TableHead>Owner</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Due</TableHead>
          <TableHead>Notes</TableHead>
          {canWork && (
            <TableHead>
              <span className="sr-only">Edit</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.length === 0 && (
          <TableRow>
            <TableCell colSpan={columns} className="text-muted-foreground">
              No follow-up items yet.
            </TableCell>
          </TableRow>
        )}
        {items.map((item) =>
          canWork ? (
            // Keyed by id only: after a conflict the form stays mounted and keeps what was typed.
            <PreventiveItemRow
              key={item.id}
              item={{ ...item, dueAt: toDateInput(item.dueAt), updatedAt: item.updatedAt.toISOString() }}
              dueLabel={item.dueAt ? formatDueDate(item.dueAt) : null}
              columns={columns}
            />
          ) : (
            <TableRow key={item.id}>
              <TableCell>{item.title}</TableCell>
              <TableCell>{item.owner ?? <span className="text-muted-foreground">Not assigned</span>}</TableCell>
              <TableCell>
                <PreventiveStatusBadge status={item.status} />
              </TableCell>
              <TableCell>{item.dueAt ? formatDueDate(item.dueAt) : "—"}</TableCell>
              <TableCell className="whitespace-pre-wrap">{item.notes ?? ""}</TableCell>
            </TableRow>
          ),
        )}
      </TableBody>
    </Table>
  );
}
