import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFoundError } from "@/lib/errors";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { formatTicketNumber } from "@/lib/tickets/format";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { effectiveCounts } from "./domain-counts";
import type { TCorrectRecipientDomain, TDomainRef, TSaveRecipientDomain } from "./schemas";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

// Stage 2, the recipients by domain: filled from the message trace (lib/message-trace), corrected
// by hand. The engineer's counts are stored beside the trace's, so a new trace run keeps them.

function isInternalDomain(domain: string, primaryDomain: string) {
  const primary = primaryDomain.toLowerCase();
  return domain === primary || domain.endsWith(`.${primary}`);
}

/** Adds a domain the trace did not find; a listed one is corrected on its own row instead. */
export async function saveRecipientDomain(db: Db, viewer: Viewer, input: TSaveRecipientDomain) {
  assertCan(viewer, "tickets.work");
  const ticket = await getTicketForViewer(db, viewer, input.ticketId, {
    id: true,
    number: true,
    tenantId: true,
    status: true,
    tenant: { select: { primaryDomain: true, disconnectedAt: true } },
  });
  assertTicketOpen(ticket, "change the scope");
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
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        tenantId: ticket.tenantId,
        ticketId: ticket.id,
        action: "scope.domain_saved",
        target: formatTicketNumber(ticket.number),
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

/** Applies a change only at the version the engineer saw, with its audit event in the same transaction. */
async function guardedChange(
  db: Db,
  viewer: Viewer,
  row: LoadedDomain,
  version: number,
  data: Prisma.RecipientDomainUpdateManyMutationInput,
  action: string,
  details: Prisma.InputJsonValue,
) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.recipientDomain.updateMany({ where: { id: row.id, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: row.ticket.tenantId,
      ticketId: row.ticket.id,
      action,
      target: formatTicketNumber(row.ticket.number),
      details,
    });
  });
  return { id: row.id, version: version + 1, ticketId: row.ticket.id };
}

/** The engineer's counts for a listed domain; a later trace run updates only the trace's. */
export async function correctRecipientDomain(db: Db, viewer: Viewer, input: TCorrectRecipientDomain) {
  assertCan(viewer, "tickets.work");
  const row = await loadDomain(db, viewer, input.domainId, "change the scope");
  const manual = { manualMessageCount: input.messageCount, manualRecipientCount: input.recipientCount };
  return guardedChange(
    db,
    viewer,
    row,
    input.version,
    { ...manual, ...effectiveCounts({ ...row, ...manual }), editedById: viewer.id, editedAt: new Date() },
    "scope.domain_saved",
    {
      kind: "corrected",
      domain: row.domain,
      from: { messages: row.messageCount, recipients: row.recipientCount },
      to: { messages: input.messageCount, recipients: input.recipientCount },
    },
  );
}

/** Drops the engineer's counts: the trace's are shown again. */
export async function revertRecipientDomain(db: Db, viewer: Viewer, input: TDomainRef) {
  assertCan(viewer, "tickets.work");
  const row = await loadDomain(db, viewer, input.domainId, "change the scope");
  if (row.traceMessageCount === null && row.traceRecipientCount === null) {
    throw new AppError("INVALID_STATE", `The message trace has no counts for ${row.domain}: correct or remove the row instead.`);
  }
  const manual = { manualMessageCount: null, manualRecipientCount: null };
  return guardedChange(
    db,
    viewer,
    row,
    input.version,
    { ...manual, ...effectiveCounts({ ...row, ...manual }), editedById: null, editedAt: null },
    "scope.domain_reverted",
    {
      domain: row.domain,
      from: { messages: row.messageCount, recipients: row.recipientCount },
      to: { messages: row.traceMessageCount, recipients: row.traceRecipientCount },
    },
  );
}

/** Removes a wrong row. One the trace finds comes back on its next run (the trace is the record of what was sent). */
export async function deleteRecipientDomain(db: Db, viewer: Viewer, input: TDomainRef) {
  assertCan(viewer, "tickets.work");
  const row = await loadDomain(db, viewer, input.domainId, "change the scope");
  await db.$transaction(async (tx) => {
    const { count } = await tx.recipientDomain.deleteMany({ where: { id: row.id, version: input.version } });
    if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: row.ticket.tenantId,
      ticketId: row.ticket.id,
      action: "scope.domain_removed",
      target: formatTicketNumber(row.ticket.number),
      details: { domain: row.domain, source: row.source, messages: row.messageCount, recipients: row.recipientCount },
    });
  });
  return { ticketId: row.ticket.id };
}
