import Link from "next/link";
import { JobStateBadge } from "@/components/jobs/job-state-badge";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { canCancel, canRetry } from "@/lib/jobs/job-view";
import type { JobRow } from "@/lib/jobs/queries";
import { formatDateTime } from "@/lib/utils/dates";
import { JobRowActions } from "./job-row-actions";

const when = (d: Date | null) => (d ? formatDateTime(d) : "—");

export function JobTable({ rows, labels }: { rows: JobRow[]; labels: Readonly<Record<string, string>> }) {
  return (
    <DataTable
      caption="Background jobs, newest first"
      captionClassName="sr-only"
      columns={["Kind", "State", "Attempts", "Last error", "Created", "Started", "Finished", "About", ACTIONS_COLUMN]}
    >
      {rows.map((job) => {
        const label = labels[job.kind] ?? job.kind;
        return (
          <TableRow key={job.id}>
            <TableCell>
              <span className="font-medium">{label}</span>
              <span className="block font-mono text-xs text-muted-foreground" title={`Job ${job.id}`}>
                {job.kind}
              </span>
            </TableCell>
            <TableCell>
              <JobStateBadge state={job.state} />
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {job.attempts} of {job.maxAttempts}
            </TableCell>
            <TableCell className="max-w-xs text-sm">{job.lastError ?? "—"}</TableCell>
            <TableCell className="whitespace-nowrap text-sm">{when(job.createdAt)}</TableCell>
            <TableCell className="whitespace-nowrap text-sm">{when(job.startedAt)}</TableCell>
            <TableCell className="whitespace-nowrap text-sm">{when(job.finishedAt)}</TableCell>
            <TableCell className="text-sm">
              {job.refs.ticketId ? (
                <Link className="text-primary hover:underline" href={`/tickets/${job.refs.ticketId}`}>
                  Ticket
                </Link>
              ) : (
                (job.refs.group ?? "—")
              )}
            </TableCell>
            <TableCell className="text-right">
              {!job.archived && (
                <JobRowActions jobId={job.id} kindLabel={label} canCancel={canCancel(job.state)} canRetry={canRetry(job.state)} />
              )}
            </TableCell>
          </TableRow>
        );
      })}
    </DataTable>
  );
}
