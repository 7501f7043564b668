import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { formatTicketNumber } from "@/lib/tickets/format";
import { canTransition, targetOf } from "@/lib/workflow/status-machine";
import { CONTAINMENT_STEPS } from "./steps";

// The one way a ticket becomes CONTAINED: after any step finishes (the batch or a step run
// alone), when all four containment steps are done and verified, and the status machine allows
// "contain". Runs inside the transaction that recorded the step, with the ticket row locked, so
// two steps finishing at once cannot both miss (or both make) the change.

/** Done = the step's last run succeeded and its verification read did not contradict it. */
export async function markContainedIfVerified(tx: Prisma.TransactionClient, ctx: { ticketId: string; actorId: string }): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${ctx.ticketId} FOR UPDATE`;
  const steps = await tx.checklistStep.findMany({ where: { ticketId: ctx.ticketId, key: { in: [...CONTAINMENT_STEPS] } }, select: { key: true, state: true } });
  const done = CONTAINMENT_STEPS.every((key) => steps.some((s) => s.key === key && s.state === "DONE"));
  if (!done) return false;
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ctx.ticketId }, select: { status: true, containedAt: true, tenantId: true, number: true } });
  if (!canTransition(ticket.status, "contain")) return true; // already contained (or past it)
  await tx.ticket.update({
    where: { id: ctx.ticketId },
    data: { status: targetOf("contain"), containedAt: ticket.containedAt ?? new Date(), version: { increment: 1 } },
  });
  await recordAuditEvent(tx, {
    actorId: ctx.actorId, tenantId: ticket.tenantId, ticketId: ctx.ticketId, action: "ticket.status_changed", target: formatTicketNumber(ticket.number),
    details: { from: ticket.status, to: targetOf("contain"), reason: "Containment verified: password reset, MFA enforced, sign-in blocked, sessions revoked" },
  });
  return true;
}
