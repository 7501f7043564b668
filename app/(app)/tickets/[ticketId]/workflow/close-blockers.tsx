import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import type { TicketDetail } from "@/lib/tickets/queries";
import { closeBlockers } from "@/lib/workflow/close-gate";
import { stageHref } from "@/lib/workflow/stages";

/** On a resolved ticket, what still stands in the way of closing it, with the stage to fix it in. */
export async function CloseBlockers({ db, viewer, ticket }: { db: Db; viewer: Viewer; ticket: TicketDetail }) {
  if (ticket.status !== "RESOLVED" || !hasPermission(viewer.role, "tickets.work")) return null;
  const [outcome, steps] = await Promise.all([
    db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { outcomeSummary: true, closureReason: true } }),
    db.checklistStep.findMany({ where: { ticketId: ticket.id }, select: { key: true, state: true, reason: true } }),
  ]);
  const blockers = closeBlockers(steps, { summary: outcome.outcomeSummary, closureReason: outcome.closureReason });
  if (blockers.length === 0) return null;
  const inChecklist = blockers.some((b) => b.key !== "outcome" && b.key !== "closureReason");
  const inOutcome = blockers.some((b) => b.key === "outcome" || b.key === "closureReason");
  return (
    <Alert variant="warning">
      Before closing: {blockers.map((b) => b.message).join("; ")}.{" "}
      {inChecklist && <Link href={stageHref(ticket.id, "checklist", "checklist")} className="underline">Open Troubleshooting</Link>}
      {inChecklist && inOutcome && " · "}
      {inOutcome && <Link href={stageHref(ticket.id, "outcome", "outcome")} className="underline">Open Outcome</Link>}
    </Alert>
  );
}
