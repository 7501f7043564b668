import "server-only";
import type { Db } from "@/lib/db/create-client";
import { nextAction, type NextAction, type NextActionFacts } from "./next-action";

/** The header's next action for a ticket the caller already loaded through the viewer's scope. */
export async function getNextAction(
  db: Db,
  ticket: Omit<NextActionFacts, "steps" | "outcomeSummary" | "closureReason">,
): Promise<NextAction | null> {
  const [steps, outcome] = await Promise.all([
    db.checklistStep.findMany({ where: { ticketId: ticket.id }, select: { key: true, state: true, reason: true } }),
    db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { outcomeSummary: true, closureReason: true } }),
  ]);
  return nextAction({ ...ticket, ...outcome, steps });
}
