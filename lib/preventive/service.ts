import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { AppError, notFoundError } from "@/lib/errors";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import type { TAddPreventiveItem, TUpdatePreventiveItem } from "./schemas";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

export async function addPreventiveItem(db: Db, viewer: Viewer, input: TAddPreventiveItem) {
  assertCan(viewer, "tickets.work");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "add follow-up items");
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
    where: { id: input.itemId, ticket: ticketAccessFor(viewer) },
    select: {
      id: true,
      status: true,
      ticket: { select: { id: true, tenantId: true, status: true, tenant: { select: { disconnectedAt: true } } } },
    },
  });
  if (!item) throw notFoundError("Follow-up item");
  assertTicketOpen(item.ticket, "change follow-up items");
  const data = {
    title: input.title,
    owner: input.owner ?? null,
    status: input.status,
    dueAt: input.dueAt ?? null,
    notes: input.notes ?? null,
  };
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
