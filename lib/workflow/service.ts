import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { AppError } from "@/lib/errors";
import { kindOfTransition, notifyAssignment, notifyTicketEvent } from "@/lib/notifications/service";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { snapshotReport } from "@/lib/reports/snapshot";
import { assignableTo } from "./assignees";
import { closeBlockers } from "./close-gate";
import { canTransition, targetOf, type Transition } from "@/lib/tickets/status-machine";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

// Explicit status changes, assignment and the outcome, each with optimistic locking: the writer
// sends the version it loaded, and a stale version is a CONFLICT, never a silent overwrite.

async function loadTicket(db: Db, viewer: Viewer, ticketId: string) {
  const ticket = await getTicketForViewer(db, viewer, ticketId, {
    id: true,
    number: true,
    tenantId: true,
    status: true,
    reviewStatus: true,
    version: true,
    outcomeSummary: true,
    closureReason: true,
    firstResponseAt: true,
    tenant: { select: { disconnectedAt: true } },
  });
  return ticket;
}

/** Applies the change only if nobody else changed the ticket since `version` (and it is still in `state`). */
async function updateLocked(
  tx: Prisma.TransactionClient,
  id: string,
  version: number,
  data: Prisma.TicketUncheckedUpdateManyInput,
  state: Prisma.TicketWhereInput = {},
) {
  const { count } = await tx.ticket.updateMany({ where: { ...state, id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
}

export async function transitionTicket(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; transition: Exclude<Transition, "contain">; version: number; note?: string; reason?: string },
) {
  assertCan(viewer, "tickets.work");
  const ticket = await loadTicket(db, viewer, input.ticketId);
  if (!canTransition(ticket.status, input.transition)) {
    throw new AppError("INVALID_STATE", `A ${ticket.status.toLowerCase()} ticket cannot be moved that way.`);
  }
  // Reopening undoes a resolution (and may withdraw a report from review): it says why, on the record.
  const reason = input.reason?.trim() || null;
  if (input.transition === "reopen" && !reason) throw new AppError("INVALID_INPUT", "Say why the ticket is reopened.", { field: "reason" });
  if (input.transition === "close") {
    const steps = await db.checklistStep.findMany({ where: { ticketId: ticket.id }, select: { key: true, state: true, reason: true } });
    const blockers = closeBlockers(steps, { summary: ticket.outcomeSummary, closureReason: ticket.closureReason });
    if (blockers.length)
      throw new AppError("INVALID_STATE", `Not ready to close: ${blockers.map((b) => b.message).join("; ")}.`, { blockers });
  }
  const to = targetOf(input.transition);
  const now = new Date();
  const stamps: Prisma.TicketUncheckedUpdateManyInput =
    input.transition === "resolve"
      ? { resolvedAt: now }
      : input.transition === "close"
        ? { closedAt: now, reviewStatus: "IN_REVIEW" }
        : // A returned report stays "returned" through the reopen, so the manager's comments stay on
          // the ticket until the next close submits the revised version.
          input.transition === "reopen"
          ? { closedAt: null, resolvedAt: null, reviewStatus: ticket.reviewStatus === "RETURNED" ? "RETURNED" : "NONE" }
          : {};
  await db.$transaction(async (tx) => {
    await updateLocked(tx, ticket.id, input.version, { status: to, ...stamps });
    await recordTicketEvent(tx, viewer.id, ticket, {
      action: "ticket.status_changed",
      details: { from: ticket.status, to, note: input.note ?? null, ...(input.transition === "reopen" ? { reason } : {}) },
    });
    // After the audit row, so the report's timeline ends with the close itself.
    if (input.transition === "close") await snapshotReport(tx, { ticketId: ticket.id, actorId: viewer.id });
    await notifyTicketEvent(tx, { kind: kindOfTransition(input.transition), ticketId: ticket.id, actorId: viewer.id });
  });
  return { status: to };
}

export async function assignTicket(db: Db, viewer: Viewer, input: { ticketId: string; assigneeId: string | null; version: number }) {
  assertCan(viewer, "tickets.assign");
  const ticket = await loadTicket(db, viewer, input.ticketId);
  assertTicketOpen(ticket, "change its assignee");
  let assigneeName: string | null = null;
  if (input.assigneeId) {
    const assignee = await db.user.findFirst({ where: { id: input.assigneeId, ...assignableTo(ticket.tenantId) }, select: { name: true } });
    if (!assignee)
      throw new AppError("INVALID_INPUT", "Choose an active support engineer who serves this tenant.", { field: "assigneeId" });
    assigneeName = assignee.name;
  }
  await db.$transaction(async (tx) => {
    await updateLocked(tx, ticket.id, input.version, {
      assigneeId: input.assigneeId,
      ...(ticket.status === "NEW" && input.assigneeId ? { status: "TRIAGED" } : {}),
    });
    await recordTicketEvent(tx, viewer.id, ticket, { action: "ticket.assigned", details: { assignee: assigneeName } });
    if (ticket.status === "NEW" && input.assigneeId) {
      await recordTicketEvent(tx, viewer.id, ticket, {
        action: "ticket.status_changed",
        details: { from: "NEW", to: "TRIAGED", note: "Picked up" },
      });
    }
    await notifyAssignment(tx, {
      ticketId: ticket.id,
      actorId: viewer.id,
      assigneeId: input.assigneeId,
      pickedUp: ticket.status === "NEW" && Boolean(input.assigneeId),
    });
  });
}

export async function updateOutcome(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; version: number; outcomeSummary: string; lessonsLearned: string; closureReason: string },
) {
  assertCan(viewer, "tickets.work");
  const ticket = await loadTicket(db, viewer, input.ticketId);
  const revising = ticket.status === "CLOSED" && ticket.reviewStatus === "RETURNED";
  if (ticket.status === "CLOSED" && !revising)
    throw new AppError("INVALID_STATE", "The ticket is closed: reopen it to change the outcome.");
  if (revising) {
    // The revised text goes into the next report version: it must still pass the close gate.
    if (!input.outcomeSummary)
      throw new AppError("INVALID_INPUT", "A closed ticket needs its outcome summary.", { field: "outcomeSummary" });
    if (!input.closureReason) throw new AppError("INVALID_INPUT", "A closed ticket needs its closure reason.", { field: "closureReason" });
  }
  await db.$transaction(async (tx) => {
    // While the report is returned only the narrative changes, and only if the ticket is still
    // closed and returned (a concurrent resubmit or reopen wins cleanly).
    const state: Prisma.TicketWhereInput = revising ? { status: "CLOSED", reviewStatus: "RETURNED" } : { status: { not: "CLOSED" } };
    await updateLocked(
      tx,
      ticket.id,
      input.version,
      {
        outcomeSummary: input.outcomeSummary || null,
        lessonsLearned: input.lessonsLearned || null,
        closureReason: input.closureReason || null,
      },
      state,
    );
    await recordTicketEvent(tx, viewer.id, ticket, { action: "ticket.outcome_updated", details: { revision: revising } });
  });
}
