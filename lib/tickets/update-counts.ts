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
  const [comments, attachments] = await Promise.all([
    db.comment.count({ where: { ticketId, ticket: ticketAccessFor(viewer), ...(canSeeInternalComments ? {} : { visibility: "PUBLIC" }) } }),
    db.attachment.count({ where: { ticketId, ticket: ticketAccessFor(viewer), ...(canSeeInternalFiles ? {} : { visibility: "PUBLIC" }) } }),
  ]);
  return { comments, attachments };
}
