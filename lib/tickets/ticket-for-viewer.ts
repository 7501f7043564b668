import type { Prisma } from "@/generated/prisma/client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { notFoundError } from "@/lib/errors";

type TicketViewer = Pick<Viewer, "id" | "role" | "tenantId" | "servesAllTenants">;

/**
 * The ticket with the fields in `select`, if this viewer may see it; otherwise NOT_FOUND (a
 * foreign ticket is never "forbidden"). Works on the client or inside a transaction.
 */
export async function getTicketForViewer<S extends Prisma.TicketSelect>(
  db: Pick<Db, "ticket">,
  viewer: TicketViewer,
  ticketId: string,
  select: S,
  what = "Ticket",
): Promise<Prisma.TicketGetPayload<{ select: S }>> {
  const ticket = await db.ticket.findFirst({ where: { AND: [{ id: ticketId }, ticketAccessFor(viewer)] }, select });
  if (!ticket) throw notFoundError(what);
  return ticket as Prisma.TicketGetPayload<{ select: S }>;
}
