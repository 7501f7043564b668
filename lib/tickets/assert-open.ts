import { AppError } from "@/lib/errors";

/** Work on a closed ticket is refused: reopening is the explicit, audited way back. */
export function assertTicketOpen(ticket: { status: string }, what: string) {
  if (ticket.status === "CLOSED") throw new AppError("INVALID_STATE", `The ticket is closed: reopen it to ${what}.`);
}
