import type { TicketDetail } from "@/lib/tickets/queries";
import { formatDateTime, formatRelative } from "@/lib/utils/dates";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 items-baseline gap-1.5">
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** The facts an engineer looks for first, on one wrapping line. */
export function TicketFacts({ ticket }: { ticket: TicketDetail }) {
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Ticket facts">
      <Fact term="Tenant">{ticket.tenant.displayName}</Fact>
      <Fact term="Account">
        <span className="break-all font-mono text-xs">{ticket.affectedUpn}</span>
      </Fact>
      <Fact term="Reported">
        <time dateTime={ticket.createdAt.toISOString()} title={formatDateTime(ticket.createdAt)}>
          {formatRelative(ticket.createdAt)}
        </time>{" "}
        by {ticket.reporter.name}
      </Fact>
      <Fact term="Assignee">{ticket.assignee?.name ?? <span className="text-muted-foreground">Unassigned</span>}</Fact>
    </dl>
  );
}
