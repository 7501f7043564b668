import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent, type AuditInput } from "@/lib/audit/record";
import { formatTicketNumber } from "./format";

/** The ticket an event is about: its row, its tenant, and the number people know it by. */
type EventTicket = { id: string; tenantId: string; number: number };

/**
 * Records a change to one ticket in the audit log, inside the change's transaction: who made it,
 * the ticket's tenant and row, and its number ("INC-1042") as the target people search for.
 */
export async function recordTicketEvent(
  tx: Prisma.TransactionClient,
  actorId: string,
  ticket: EventTicket,
  event: Pick<AuditInput, "action" | "result" | "details" | "requestIds">,
) {
  await recordAuditEvent(tx, {
    actorId,
    tenantId: ticket.tenantId,
    ticketId: ticket.id,
    target: formatTicketNumber(ticket.number),
    ...event,
  });
}
