import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFoundError } from "@/lib/errors";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { effectiveCounts } from "./domain-counts";
import type { TCorrectRecipientDomain, TDomainRef, TSaveRecipientDomain } from "./schemas";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

// Stage 2, the recipients by domain: filled from the message trace (lib/message-trace), corrected
// by hand. The engineer's counts are stored beside the trace's, so a new trace run keeps them.

function isInternalDomain(domain: string, primaryDomain: string) {
  const primary = primaryDomain.toLowerCase();
  return domain === primary || domain.endsWith(`.${primary}`);
}

/** Adds a domain the trace did not find; a listed one is corrected on its own row instead. */
export async function saveRecipientDomain(db: Db, viewer: Viewer, input: TSaveRecipientDomain) {
  assertCan(viewer, "tickets.work");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "change the scope", {
    tenant: { select: { primaryDomain: true, disconnectedAt: true } },
  });
  const listed = () =>
    new AppError("INVALID_INPUT", `${input.domain} is already listed: correct the counts on its row.`, { field: "domain" });
  if (
    await db.recipientDomain.findUnique({ where: { ticketId_domain: { ticketId: ticket.id, domain: input.domain } }, select: { id: true } })
  )
    throw listed();
  const manual = { manualMessageCount: input.messageCount, manualRecipientCount: input.recipientCount };
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.recipientDomain.create({
        data: {
          ticketId: ticket.id,
          domain: input.domain,
          isInternal: isInternalDomain(input.domain, ticket.tenant.primaryDomain),
          source: "MANUAL",
          ...manual,
          ...effectiveCounts({ traceMessageCount: null, traceRecipientCount: null, ...manual }),
          editedById: viewer.id,
          editedAt: new Date(),
        },
        select: { id: true, version: true },
      });
      await recordTicketEvent(tx, viewer.id, ticket, {
        action: "scope.domain_saved",
        details: { kind: "added", domain: input.domain, messages: input.messageCount, recipients: input.recipientCount },
      });
      return { ...row, ticketId: ticket.id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw listed(); // a trace run or another engineer added it meanwhile
    throw error;
  }
}

async function loadDomain(db: Db, viewer: Viewer, domainId: string, what: string) {
  const row = await db.recipientDomain.findFirst({
    where: { id: domainId, ticket: ticketAccessFor(viewer) },
    select: {
      id: true,
      domain: true,
      source: true,
      version: true,
      messageCount: true,
      recipientCount: true,
      traceMessageCount: true,
      traceRecipientCount: true,
      manualMessageCount: true,
      manualRecipientCount: true,
      ticket: { select: { id: true, number: true, tenantId: true, status: true, tenant: { select: { disconnectedAt: true } } } },
    },
  });
  if (!row) throw notFoundError("Recipient domain");
  assertTicketOpen(row.ticket, what);
  return row;
}

type LoadedDomain = Awaited<ReturnType<typeof loadDomain>>;

type Counts = { messages: number | null; recipients: number | null };

/**
 * Stores the engineer's counts, or drops them (both null) so the trace's show again, only at the
 * version the engineer saw; the audit event, in the same transaction, says what was shown before.
 */
async function setManualCounts(
  db: Db,
  viewer: Viewer,
  row: LoadedDomain,
  input: { version: number; manual: Counts },
  event: { action: string; kind?: "corrected"; to: Counts },
) {
  const manual = { manualMessageCount: input.manual.messages, manualRecipientCount: input.manual.recipients };
  // Typed counts say who typed them; dropped ones, nobody.
  const dropped = manual.manualMessageCount === null && manual.manualRecipientCount === null;
  const data = {
    ...manual,
    ...effectiveCounts({ ...row, ...manual }),
    editedById: dropped ? null : viewer.id,
    editedAt: dropped ? null : new Date(),
  };
  await db.$transaction(async (tx) => {
    const { count } = await tx.recipientDomain.updateMany({
      where: { id: row.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await recordTicketEvent(tx, viewer.id, row.ticket, {
      action: event.action,
      details: {
        ...(event.kind ? { kind: event.kind } : {}),
        domain: row.domain,
        from: { messages: row.messageCount, recipients: row.recipientCount },
        to: event.to,
      },
    });
  });
  return { id: row.id, version: input.version + 1, ticketId: row.ticket.id };
}

/** The engineer's counts for a listed domain; a later trace run updates only the trace's. */
export async function correctRecipientDomain(db: Db, viewer: Viewer, input: TCorrectRecipientDomain) {
  assertCan(viewer, "tickets.work");
  const row = await loadDomain(db, viewer, input.domainId, "change the scope");
  const counts = { messages: input.messageCount, recipients: input.recipientCount };
  return setManualCounts(
    db,
    viewer,
    row,
    { version: input.version, manual: counts },
    { action: "scope.domain_saved", kind: "corrected", to: counts },
  );
}

/** Drops the engineer's counts: the trace's are shown again. */
export async function revertRecipientDomain(db: Db, viewer: Viewer, input: TDomainRef) {
  assertCan(viewer, "tickets.work");
  const row = await loadDomain(db, viewer, input.domainId, "change the scope");
  if (row.traceMessageCount === null && row.traceRecipientCount === null) {
    throw new AppError("INVALID_STATE", `The message trace has no counts for ${row.domain}: correct or remove the row instead.`);
  }
  return setManualCounts(
    db,
    viewer,
    row,
    { version: input.version, manual: { messages: null, recipients: null } },
    { action: "scope.domain_reverted", to: { messages: row.traceMessageCount, recipients: row.traceRecipientCount } },
  );
}

/** Removes a wrong row. One the trace finds comes back on its next run (the trace is the record of what was sent). */
export async function deleteRecipientDomain(db: Db, viewer: Viewer, input: TDomainRef) {
  assertCan(viewer, "tickets.work");
  const row = await loadDomain(db, viewer, input.domainId, "change the scope");
  await db.$transaction(async (tx) => {
    const { count } = await tx.recipientDomain.deleteMany({ where: { id: row.id, version: input.version } });
    if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await recordTicketEvent(tx, viewer.id, row.ticket, {
      action: "scope.domain_removed",
      details: { domain: row.domain, source: row.source, messages: row.messageCount, recipients: row.recipientCount },
    });
  });
  return { ticketId: row.ticket.id };
}
