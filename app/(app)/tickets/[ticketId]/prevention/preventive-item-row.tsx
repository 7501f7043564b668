"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TableCell, TableRow } from "@/components/ui/table";
import { PreventiveItemForm, type PreventiveItemValues } from "./preventive-item-form";
import { PreventiveStatusBadge } from "./preventive-status-badge";

/**
 * One follow-up item as a compact row; Edit reveals its form in the row below. The form stays
 * mounted while hidden, so text typed (or kept after a conflict) is still there when reopened.
 */
export function PreventiveItemRow({ item, dueLabel, columns }: { item: PreventiveItemValues; dueLabel: string | null; columns: number }) {
  const [editing, setEditing] = useState(false);
  const formRowId = `item-${item.id}-editor`;
  return (
    <>
      <TableRow data-item={item.title}>
        <TableCell className="font-medium">{item.title}</TableCell>
        <TableCell>{item.owner ?? <span className="text-muted-foreground">Not assigned</span>}</TableCell>
        <TableCell>
          <PreventiveStatusBadge status={item.status} />
        </TableCell>
        <TableCell className="whitespace-nowrap">{dueLabel ?? "—"}</TableCell>
        <TableCell className="max-w-56 truncate text-xs text-muted-foreground" title={item.notes ?? undefined}>
          {item.notes ?? ""}
        </TableCell>
        <TableCell className="text-right">
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={editing}
            aria-controls={formRowId}
            aria-label={`${editing ? "Hide" : "Edit"} ${item.title}`}
            onClick={() => setEditing(!editing)}
          >
            <Pencil className="size-3.5" aria-hidden />
            {editing ? "Hide" : "Edit"}
          </Button>
        </TableCell>
      </TableRow>
      <TableRow id={formRowId} hidden={!editing} className="bg-muted/30 hover:bg-muted/30">
        <TableCell colSpan={columns}>
          <PreventiveItemForm item={item} />
        </TableCell>
      </TableRow>
    </>
  );
}
