import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFound } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getUser } from "@/lib/graph/users";
import { formatTicketNumber } from "@/lib/tickets/format";
import { ticketScopeFor } from "@/lib/tickets/scope";

// Stage 2: who is affected (each account checked against the tenant through Graph) and who
// received the unauthorized mail, by domain (from the trace, corrected by hand).

async function loadTicket(db: Db, viewer: Viewer, ticketId: string) {
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, ticketScopeFor(viewer)] },
    select: { id: true, number: true, tenantId: true, affectedUpn: true, tenant: { select: { primaryDomain: true } } },
  });
  if (!ticket) throw notFound();
  return ticket;
}

export async function addAffectedUser(db: Db, viewer: Viewer, input: { ticketId: string; upn: string }, deps: { graph?: TenantGraph } = {}) {
  assertCan(viewer, "tickets.work");
  const ticket = await loadTicket(db, viewer, input.ticketId);
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const user = await getUser(graph, input.upn);
  if (!user) throw new AppError("INVALID_INPUT", `${input.upn} is not an account of this tenant.`, { field: "upn" });
  if (await db.affectedUser.findUnique({ where: { ticketId_upn: { ticketId: ticket.id, upn: input.upn } } })) {
    throw new AppError("INVALID_INPUT", "This account is already in scope.", { field: "upn" });
  }
  await db.$transaction(async (tx) => {
    await tx.affectedUser.create({ data: { ticketId: ticket.id, upn: input.upn, displayName: user.displayName, objectId: user.id, isPrimary: input.upn === ticket.affectedUpn, addedById: viewer.id } });
    await recordAuditEvent(tx, { actorId: viewer.id, tenantId: ticket.tenantId, ticketId: ticket.id, action: "scope.user_added", target: formatTicketNumber(ticket.number), details: { upn: input.upn } });
  });
}

export async function saveRecipientDomain(db: Db, viewer: Viewer, input: { ticketId: string; domain: string; messageCount: number; recipientCount: number }) {
  assertCan(viewer, "tickets.work");
  const ticket = await loadTicket(db, viewer, input.ticketId);
  const primary = ticket.tenant.primaryDomain.toLowerCase();
  const isInternal = input.domain === primary || input.domain.endsWith(`.${primary}`);
  await db.$transaction(async (tx) => {
    await tx.recipientDomain.upsert({
      where: { ticketId_domain: { ticketId: ticket.id, domain: input.domain } },
      create: { ticketId: ticket.id, domain: input.domain, isInternal, messageCount: input.messageCount, recipientCount: input.recipientCount, source: "MANUAL" },
      update: { messageCount: input.messageCount, recipientCount: input.recipientCount, source: "MANUAL" },
    });
    await recordAuditEvent(tx, { actorId: viewer.id, tenantId: ticket.tenantId, ticketId: ticket.id, action: "scope.domain_saved", target: formatTicketNumber(ticket.number), details: input });
  });
}
