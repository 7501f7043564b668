import "server-only";
import { JobStateBadge } from "@/components/jobs/job-state-badge";
import { RefreshWhileActive } from "@/components/jobs/refresh-while-active";
import { hasPermission } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { UNFINISHED_STATES } from "@/lib/jobs/job-view";
import { listTicketJobs } from "@/lib/jobs/queries";
import { formatDateTime } from "@/lib/utils/dates";
import { JOB_KIND_LABELS } from "./registry";

/**
 * The background jobs of one ticket (state, attempts, last error), for those who work tickets;
 * renders nothing for others or when the ticket has none. Refreshes itself while one is
 * unfinished. Pass only a ticket the page has already loaded through the viewer's scoped query:
 * this reads jobs by ticket id alone. Meant for the ticket page (e.g. under the checklist or
 * the timeline): `<TicketJobs ticketId={ticket.id} />`.
 */
export async function TicketJobs({ ticketId }: { ticketId: string }) {
  const viewer = await getViewer();
  if (!viewer || !hasPermission(viewer.role, "jobs.viewTicket")) return null;
  const jobs = await listTicketJobs(await getDb(), ticketId);
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="ticket-jobs-heading" className="space-y-2">
      <h2 id="ticket-jobs-heading" className="text-sm font-semibold">
        Background work
      </h2>
      <ul className="divide-y rounded-md border text-sm">
        {jobs.map((job) => (
          <li key={job.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2">
            <JobStateBadge state={job.state} />
            <span className="font-medium">{JOB_KIND_LABELS[job.kind] ?? job.kind}</span>
            <span className="text-muted-foreground">
              Attempt {job.attempts} of {job.maxAttempts}
            </span>
            <span className="text-muted-foreground">{formatDateTime(job.finishedAt ?? job.startedAt ?? job.createdAt)}</span>
            {job.lastError && <span className="basis-full text-xs">Last error: {job.lastError}</span>}
          </li>
        ))}
      </ul>
      <RefreshWhileActive active={jobs.some((j) => UNFINISHED_STATES.includes(j.state))} />
    </section>
  );
}
