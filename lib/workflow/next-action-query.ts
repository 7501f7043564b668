import "server-only";
import type { Db } from "@/lib/db/create-client";
import { nextAction, type NextAction, type NextActionFacts } from "./next-action";
import { readTicketFacts } from "./ticket-facts";

/** The header's next action for a ticket the caller already loaded through the viewer's scope. */
export async function getNextAction(db: Db, ticket: Omit<NextActionFacts, "steps"> & { affectedUpn: string }): Promise<NextAction | null> {
  const { steps } = await readTicketFacts(db, ticket.id, ticket.affectedUpn);
  return nextAction({ ...ticket, steps });
}
