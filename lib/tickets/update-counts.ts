import "server-only";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";

/**
 * How many comments and evidence files the viewer can see on a ticket, for the Updates tab's
 * count without loading them. Same visibility as listComments and listAttachments: a tenant
 * admin counts only public ones.
 */
export async function countUpdates(db: Db, viewer: Viewer, ticketId: string): Promise<{ comments: number; attachments: number }> {
  const canSeeInternalComments = hasPermission(viewer.role, "comments.readInternal");
  const canSeeInternalFiles = viewer.role !== "TENANT_ADMIN";
  // Both counts as relation counts of the ticket: one statement, on every ticket page.
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, ticketAccessFor(viewer)] },
    select: {
      _count: {
        select: {
          comments: { where: canSeeInternalComments ? {} : { visibility: "PUBLIC" } },
          attachments: { where: canSeeInternalFiles ? {} : { visibility: "PUBLIC" } },
        },
      },
    },
  });
  return { comments: ticket?._count.comments ?? 0, attachments: ticket?._count.attachments ?? 0 };
}
