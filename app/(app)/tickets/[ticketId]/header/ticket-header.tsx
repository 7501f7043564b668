import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/ticket-badges";
import { formatTicketNumber } from "@/lib/tickets/format";
import { getCloseReadiness } from "@/lib/workflow/close-readiness";
import type { StageProps } from "../stage-props";
import { ReportNotice } from "./report-notice";
import { CloseBlockers } from "../workflow/close-blockers";
import { WorkflowActions } from "../workflow/workflow-actions";
import { ApprovalNotice } from "./approval-notice";
import { DisconnectedNotice } from "./disconnected-notice";
import { DuplicateWarning } from "./duplicate-warning";
import { NextActionLine } from "./next-action";
import { TicketClocks } from "./ticket-clocks";
import { TicketFacts } from "./ticket-facts";

/** On every stage: what the ticket is, where its clocks stand, and the next moves. */
export async function TicketHeader({ db, viewer, ticket, can }: StageProps) {
  // Only a resolved ticket can be closed: that is when its blockers and warnings matter.
  const readiness = ticket.status === "RESOLVED" && can.work ? await getCloseReadiness(db, ticket) : null;
  return (
    <header className="space-y-3 border-b pb-4">
      <Link href="/tickets" className="text-sm text-muted-foreground hover:underline">
        ← Tickets
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-xl font-semibold">
              <span className="font-mono">{formatTicketNumber(ticket.number)}</span> · {ticket.title}
            </h1>
            <StatusBadge status={ticket.status} />
            <SeverityBadge severity={ticket.severity} />
          </div>
          <TicketFacts ticket={ticket} />
          <TicketClocks ticket={ticket} />
        </div>
        <WorkflowActions db={db} viewer={viewer} ticket={ticket} can={can} readiness={readiness} />
      </div>
      <NextActionLine db={db} viewer={viewer} ticket={ticket} />
      <DisconnectedNotice tenant={ticket.tenant} />
      <ApprovalNotice db={db} viewer={viewer} ticket={ticket} />
      {readiness && <CloseBlockers ticketId={ticket.id} blockers={readiness.blockers} />}
      <ReportNotice
        db={db}
        viewer={viewer}
        canWork={can.work}
        ticket={{ id: ticket.id, affectedUpn: ticket.affectedUpn, status: ticket.status, reviewStatus: ticket.reviewStatus }}
      />
      {/* A closed ticket is no longer a duplicate of anything: the warning is for open work. */}
      {ticket.status !== "CLOSED" && <DuplicateWarning db={db} viewer={viewer} ticket={ticket} />}
    </header>
  );
}
