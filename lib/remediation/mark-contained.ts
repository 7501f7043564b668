import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { notifyTicketEvent } from "@/lib/notifications/service";
import { formatTicketNumber } from "@/lib/tickets/format";
import { canTransition, targetOf } from "@/lib/tickets/status-machine";
import { containmentReason, containmentVerdict } from "./containment-rule";
import { CONTAINMENT_STEPS } from "./steps";

// The one way a ticket becomes CONTAINED: whenever a containment step settles (the batch, a step
// run alone, or a step skipped / marked not applicable with a reason), by the rule of
// containment-rule.ts, when the status machine allows "contain". Runs inside the transaction that
// recorded the step, with the ticket row locked, so two steps settling at once cannot both miss
// (or both make) the change. containedAt is when the rule was first met.

export async function markContainedIfVerified(
  tx: Prisma.TransactionClient,
  ctx: { ticketId: string; actorId: string | null },
): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${ctx.ticketId} FOR UPDATE`;
  const steps = await tx.checklistStep.findMany({
    where: { ticketId: ctx.ticketId, key: { in: [...CONTAINMENT_STEPS] } },
    select: { key: true, state: true, reason: true },
  });
  const verdict = containmentVerdict(steps);
  if (!verdict.contained) return false;
  return containTicket(tx, ctx, {
    reason: containmentReason(verdict),
    verified: verdict.done,
    skipped: verdict.setAside.map((s) => ({ step: s.key, state: s.state, reason: s.reason })),
  });
}

/**
 * Moves the (locked) ticket to CONTAINED when the status machine allows "contain", with its audit
 * event (`details` say why) and notification. Also used by campaign incidents (lib/campaigns).
 * Returns true when the ticket is contained (now or already).
 */
export async function containTicket(
  tx: Prisma.TransactionClient,
  ctx: { ticketId: string; actorId: string | null },
  details: Record<string, unknown>,
): Promise<boolean> {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ctx.ticketId },
    select: { status: true, containedAt: true, tenantId: true, number: true },
  });
  if (!canTransition(ticket.status, "contain")) return true; // already contained (or past it)
  await tx.ticket.update({
    where: { id: ctx.ticketId },
    data: { status: targetOf("contain"), containedAt: ticket.containedAt ?? new Date(), version: { increment: 1 } },
  });
  await recordAuditEvent(tx, {
    actorId: ctx.actorId,
    tenantId: ticket.tenantId,
    ticketId: ctx.ticketId,
    action: "ticket.status_changed",
    target: formatTicketNumber(ticket.number),
    details: { from: ticket.status, to: targetOf("contain"), ...details },
  });
  await notifyTicketEvent(tx, { kind: "ticket.contained", ticketId: ctx.ticketId, actorId: ctx.actorId });
  return true;
}
