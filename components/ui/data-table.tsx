import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type Column = string | { label: React.ReactNode; className?: string; key?: string };

/** The heading of a column of row buttons: named for screen readers, blank on screen. */
export const ACTIONS_COLUMN: Column = { label: <span className="sr-only">Actions</span>, key: "actions" };

type Props = {
  columns: Column[];
  /** Says what the table lists; pass captionClassName "sr-only" when a heading already does. */
  caption?: React.ReactNode;
  captionClassName?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: React.ComponentProps<typeof EmptyState>;
  rowCount?: number;
  className?: string;
  "aria-label"?: string;
  /** The rows (TableRow elements). */
  children: React.ReactNode;
};

/** A table with its caption and column headings, or an empty state when there is nothing to list. */
export function DataTable({ columns, caption, captionClassName, empty, rowCount, className, children, ...rest }: Props) {
  if (empty && rowCount === 0) return <EmptyState {...empty} />;
  return (
    <Table className={className} aria-label={rest["aria-label"]}>
      {caption !== undefined && <TableCaption className={captionClassName}>{caption}</TableCaption>}
      <TableHeader>
        <TableRow>
          {columns.map((c, i) => {
            const col = typeof c === "string" ? { label: c } : c;
            return (
              <TableHead key={col.key ?? (typeof col.label === "string" ? col.label : i)} className={col.className}>
                {col.label}
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}
