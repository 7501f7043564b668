import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

/** The ticket a remediation run acts on (containment or one step): the viewer's, and still open. */
export async function getRunnableTicket(db: Db, viewer: Viewer, ticketId: string) {
  return getOpenTicketForViewer(db, viewer, ticketId, "run remediation", { affectedUpn: true, containedAt: true });
}
