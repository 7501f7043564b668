import { AppError } from "@/lib/errors";

/**
 * Work on a closed ticket is refused: reopening is the explicit, audited way back. Work on a
 * ticket of a tenant Breachdesk was disconnected from is refused too (lib/tenants/disconnect.ts):
 * its tickets are read-only until the tenant is connected again. Comments and status changes
 * stay possible, as on a closed ticket, so the incident can be wound up. Callers select the
 * ticket's tenant.disconnectedAt.
 */
export function assertTicketOpen(ticket: { status: string; tenant?: { disconnectedAt: Date | null } | null }, what: string) {
  if (ticket.tenant?.disconnectedAt) {
    throw new AppError(
      "INVALID_STATE",
      `Breachdesk is disconnected from this ticket's tenant: the ticket is read-only. Connect the tenant again to ${what}.`,
    );
  }
  if (ticket.status === "CLOSED") throw new AppError("INVALID_STATE", `The ticket is closed: reopen it to ${what}.`);
}
