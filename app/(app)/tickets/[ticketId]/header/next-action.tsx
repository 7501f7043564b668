import Link from "next/link";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { TicketDetail } from "@/lib/tickets/queries";
import { getNextAction } from "@/lib/workflow/next-action-query";

/** "Next: Contain the account — why", linking to where it is done (or naming the header button). */
export async function NextActionLine({ db, viewer, ticket }: { db: Db; viewer: Viewer; ticket: TicketDetail }) {
  if (!hasPermission(viewer.role, "tickets.work")) return null;
  const next = await getNextAction(db, {
    id: ticket.id,
    status: ticket.status,
    reviewStatus: ticket.reviewStatus,
    assigneeId: ticket.assignee?.id ?? null,
    firstResponseAt: ticket.firstResponseAt,
    affectedUpn: ticket.affectedUpn,
    outcomeSummary: ticket.outcomeSummary,
    closureReason: ticket.closureReason,
  });
  if (!next) return null;
  return (
    <p
      className="flex flex-wrap items-baseline gap-x-2 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm"
      data-testid="next-action"
    >
      <span className="font-semibold">Next:</span>{" "}
      {next.href ? (
        <Link href={next.href} className="font-medium text-primary underline-offset-2 hover:underline">
          {next.label}
        </Link>
      ) : (
        <span className="font-medium">{next.label}</span>
      )}{" "}
      <span className="text-muted-foreground">{next.why}</span>
    </p>
  );
}
