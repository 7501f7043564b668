import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { notifyTicketEvent } from "@/lib/notifications/service";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

export async function addComment(db: Db, viewer: Viewer, input: { ticketId: string; body: string; visibility: "PUBLIC" | "INTERNAL" }) {
  assertCan(viewer, input.visibility === "INTERNAL" ? "comments.writeInternal" : "comments.writePublic");
  const ticket = await getTicketForViewer(db, viewer, input.ticketId, { id: true, number: true, tenantId: true, firstResponseAt: true });
  // The first public reply from the support side stops the time-to-first-response clock.
  const isFirstResponse = input.visibility === "PUBLIC" && viewer.role !== "TENANT_ADMIN" && !ticket.firstResponseAt;
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { ticketId: ticket.id, authorId: viewer.id, body: input.body, visibility: input.visibility },
      select: { id: true },
    });
    if (isFirstResponse) {
      await tx.ticket.update({ where: { id: ticket.id }, data: { firstResponseAt: new Date() } });
    }
    await recordTicketEvent(tx, viewer.id, ticket, {
      action: "comment.added",
      details: { visibility: input.visibility, commentId: comment.id },
    });
    await notifyTicketEvent(tx, {
      kind: input.visibility === "PUBLIC" ? "ticket.public-update" : null,
      ticketId: ticket.id,
      actorId: viewer.id,
    });
    return comment;
  });
}
