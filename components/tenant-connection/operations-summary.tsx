import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { summarisePreflight, type PreflightRow } from "@/lib/graph/preflight";

/** The last check's operation-by-operation answer, folded: the line, then the table on demand. */
export function OperationsSummary({ rows }: { rows: PreflightRow[] }) {
  const s = summarisePreflight(rows);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">
        {s.available} of {s.total} Graph operations available{s.unverified ? `, ${s.unverified} of them unverified` : ""}
      </summary>
      <Table className="mt-2">
        <TableCaption className="sr-only">What the connection can do, operation by operation</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Operation</TableHead>
            <TableHead>Permission</TableHead>
            <TableHead>State</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.op} data-op={r.op}>
              <TableCell>{r.title}</TableCell>
              <TableCell className="font-mono text-xs">{r.permission}</TableCell>
              <TableCell className="text-xs">
                {!r.granted ? (
                  <Badge variant="danger">Missing permission</Badge>
                ) : r.probe?.ok === false ? (
                  <span className="space-x-1">
                    <Badge variant="danger">Unavailable</Badge>
                    <span>{r.probe.message}</span>
                  </span>
                ) : r.probe?.ok === null ? (
                  <span className="space-x-1">
                    <Badge variant="warning">Unverified</Badge>
                    <span className="text-muted-foreground">{r.probe.message}</span>
                  </span>
                ) : (
                  <Badge variant="success">Available</Badge>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
