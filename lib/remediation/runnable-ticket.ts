import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

/** The ticket a remediation run acts on (containment or one step): the viewer's, and still open. */
export async function getRunnableTicket(db: Db, viewer: Viewer, ticketId: string) {
  const ticket = await getTicketForViewer(db, viewer, ticketId, {
    id: true,
    number: true,
    tenantId: true,
    affectedUpn: true,
    status: true,
    containedAt: true,
    tenant: { select: { disconnectedAt: true } },
  });
  assertTicketOpen(ticket, "run remediation");
  return ticket;
}
