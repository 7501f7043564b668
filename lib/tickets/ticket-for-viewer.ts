import type { Prisma } from "@/generated/prisma/client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { notFoundError } from "@/lib/errors";
import { assertTicketOpen } from "./assert-open";

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

/** What assertTicketOpen reads, and what recordTicketEvent records of the ticket. */
const OPEN_TICKET_SELECT = { id: true, number: true, tenantId: true, status: true, tenant: { select: { disconnectedAt: true } } } as const;

/** A select that may ask for more of the tenant, never for less than assertTicketOpen reads. */
type OpenTicketSelect = Prisma.TicketSelect & { tenant?: { select: { disconnectedAt: true } } };

/**
 * The ticket to change: as getTicketForViewer, with the fields in `select` besides its id, number,
 * tenant and status, and refused while closed or disconnected (assertTicketOpen, with `what` the
 * viewer wanted to do). The caller checks the permission first.
 */
export async function getOpenTicketForViewer<S extends OpenTicketSelect = typeof OPEN_TICKET_SELECT>(
  db: Pick<Db, "ticket">,
  viewer: TicketViewer,
  ticketId: string,
  what: string,
  select?: S,
): Promise<Prisma.TicketGetPayload<{ select: typeof OPEN_TICKET_SELECT & S }>> {
  const ticket = await getTicketForViewer(db, viewer, ticketId, { ...OPEN_TICKET_SELECT, ...select });
  assertTicketOpen(ticket, what);
  return ticket as Prisma.TicketGetPayload<{ select: typeof OPEN_TICKET_SELECT & S }>;
}
