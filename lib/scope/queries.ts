import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";

export async function getScope(db: Db, viewer: Viewer, ticketId: string) {
  const where = { ticketId, ticket: ticketAccessFor(viewer) };
  const [users, domains] = await Promise.all([
    db.affectedUser.findMany({
      where,
      orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
      select: {
        id: true,
        upn: true,
        displayName: true,
        isPrimary: true,
        objectId: true,
        tenantCheck: true,
        tenantCheckReason: true,
        checkedAt: true,
      },
    }),
    db.recipientDomain.findMany({
      where,
      orderBy: [{ messageCount: "desc" }, { domain: "asc" }],
      select: {
        id: true,
        domain: true,
        isInternal: true,
        messageCount: true,
        recipientCount: true,
        source: true,
        version: true,
        traceMessageCount: true,
        traceRecipientCount: true,
        manualMessageCount: true,
        manualRecipientCount: true,
        editedAt: true,
      },
    }),
  ]);
  return { users, domains };
}

export type ScopeDomain = Awaited<ReturnType<typeof getScope>>["domains"][number];
