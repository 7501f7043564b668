import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { AppError, notFound } from "@/lib/errors";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { SEED_RECOMMENDATIONS } from "./recommendations";
import type { TAddPreventiveItem, TUpdatePreventiveItem } from "./schemas";

async function findTicket(db: Db, viewer: Viewer, ticketId: string) {
  const ticket = await db.ticket.findFirst({ where: { AND: [{ id: ticketId }, ticketScopeFor(viewer)] }, select: { id: true, tenantId: true, status: true } });
  if (!ticket) throw notFound();
  return ticket;
}

/**
 * Pre-fills the seed's four recommendations the first time the prevention stage is opened. Any
 * reader may trigger it (it is the stage's starting content, not a decision), so the audit
 * event has no actor. Returns true when it created them.
 */
export async function ensureSeedRecommendations(db: Db, viewer: Viewer, ticketId: string): Promise<boolean> {
  const ticket = await findTicket(db, viewer, ticketId);
  // A closed ticket takes no new content, not even the starting list.
  if (ticket.status === "CLOSED") return false;
  if ((await db.preventiveItem.count({ where: { ticketId: ticket.id } })) > 0) return false;
  return db.$transaction(async (tx) => {
    // Two first visits at once: the ticket row lock lets only one of them fill the list.
    await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${ticket.id} FOR UPDATE`;
    if ((await tx.preventiveItem.count({ where: { ticketId: ticket.id } })) > 0) return false;
    const base = Date.now();
    // Distinct createdAt values keep the seed's order when listed by creation time.
    await tx.preventiveItem.createMany({
      data: SEED_RECOMMENDATIONS.map((title, i) => ({ ticketId: ticket.id, title, createdAt: new Date(base + i) })),
    });
    await recordAuditEvent(tx, {
      actorId: null,
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      action: "preventive.recommended",
      details: { titles: [...SEED_RECOMMENDATIONS] },
    });
    return true;
  });
}

export async function addPreventiveItem(db: Db, viewer: Viewer, input: TAddPreventiveItem) {
  assertCan(viewer, "tickets.work");
  const ticket = await findTicket(db, viewer, input.ticketId);
  assertTicketOpen(ticket, "add follow-up items");
  return db.$transaction(async (tx) => {
    const item = await tx.preventiveItem.create({
      data: { ticketId: ticket.id, title: input.title, owner: input.owner ?? null, dueAt: input.dueAt ?? null, notes: input.notes ?? null },
      select: { id: true, ticketId: true, updatedAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      action: "preventive.added",
      target: input.title,
      details: { itemId: item.id, owner: input.owner ?? null, dueAt: input.dueAt?.toISOString() ?? null },
    });
    return item;
  });
}

/** Saves an item; refused when someone changed it since the engineer loaded it. */
export async function updatePreventiveItem(db: Db, viewer: Viewer, input: TUpdatePreventiveItem) {
  assertCan(viewer, "tickets.work");
  const item = await db.preventiveItem.findFirst({
    where: { id: input.itemId, ticket: ticketScopeFor(viewer) },
    select: { id: true, status: true, ticket: { select: { id: true, tenantId: true, status: true } } },
  });
  if (!item) throw notFound("Follow-up item");
  assertTicketOpen(item.ticket, "change follow-up items");
  const data = { title: input.title, owner: input.owner ?? null, status: input.status, dueAt: input.dueAt ?? null, notes: input.notes ?? null };
  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.preventiveItem.updateMany({ where: { id: item.id, updatedAt: new Date(input.updatedAt) }, data });
    if (count === 0) return null;
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: item.ticket.tenantId,
      ticketId: item.ticket.id,
      action: "preventive.updated",
      target: input.title,
      details: { itemId: item.id, from: item.status, status: input.status, owner: data.owner, dueAt: data.dueAt?.toISOString() ?? null },
    });
    return tx.preventiveItem.findUniqueOrThrow({ where: { id: item.id }, select: { id: true, ticketId: true, updatedAt: true } });
  });
  if (!updated) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
  return updated;
}
