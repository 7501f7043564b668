import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFound } from "@/lib/errors";
import { addSeedRecommendations } from "@/lib/preventive/recommendations";
import { notifyTicketEvent } from "@/lib/notifications/service";
import { formatTicketNumber } from "./format";
import type { TCreateTicket } from "./schemas";
import { ticketScopeFor } from "./scope";
import { SYMPTOMS } from "./symptoms";
import { isInTenantDomain } from "./tenant-domain";

export async function createTicket(db: Db, viewer: Viewer, input: Omit<TCreateTicket, "fileAnyway">) {
  assertCan(viewer, "tickets.create");
  const tenantId = viewer.role === "TENANT_ADMIN" ? viewer.tenantId : input.tenantId;
  if (!tenantId) throw new AppError("INVALID_INPUT", "Choose the tenant this incident belongs to.", { field: "tenantId" });
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, primaryDomain: true } });
  if (!tenant) throw new AppError("INVALID_INPUT", "That tenant does not exist.", { field: "tenantId" });
  if (!isInTenantDomain(input.affectedUpn, tenant.primaryDomain)) {
    throw new AppError("INVALID_INPUT", `The account must be in your tenant's domain (${tenant.primaryDomain}).`, {
      field: "affectedUpn",
    });
  }
  const title = input.title ?? `Compromised account: ${input.affectedUpn}`;
  return db.$transaction(async (tx) => {
    const ticket = await tx.ticket.create({
      data: {
        tenantId: tenant.id,
        title,
        affectedUpn: input.affectedUpn,
        symptoms: input.symptoms,
        symptomsNote: input.symptomsNote,
        detectedAt: input.detectedAt,
        severity: input.severity,
        reporterId: viewer.id,
      },
      select: { id: true, number: true },
    });
    // The primary account is in scope from the start; whether the tenant has it is checked
    // after filing (lib/scope verifyPrimaryAccount), so filing never waits on Graph.
    await tx.affectedUser.create({ data: { ticketId: ticket.id, upn: input.affectedUpn, isPrimary: true, addedById: viewer.id } });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: tenant.id,
      ticketId: ticket.id,
      action: "ticket.created",
      target: formatTicketNumber(ticket.number),
      details: { severity: input.severity, symptoms: input.symptoms.map((s) => SYMPTOMS[s]) },
    });
    await addSeedRecommendations(tx, { id: ticket.id, tenantId: tenant.id }, viewer.id);
    return ticket;
  });
}

export async function addComment(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; body: string; visibility: "PUBLIC" | "INTERNAL" },
) {
  assertCan(viewer, input.visibility === "INTERNAL" ? "comments.writeInternal" : "comments.writePublic");
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: input.ticketId }, ticketScopeFor(viewer)] },
    select: { id: true, number: true, tenantId: true, firstResponseAt: true },
  });
  if (!ticket) throw notFound();
  // The first public reply from the support side stops the time-to-first-response clock.
  const isFirstResponse = input.visibility === "PUBLIC" && viewer.role !== "TENANT_ADMIN" && !ticket.firstResponseAt;
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { ticketId: ticket.id, authorId: viewer.id, body: input.body, visibility: input.visibility },
      select: { id: true },
    });
    if (isFirstResponse) {
      await tx.ticket.update({ where: { id: ticket.id }, data: { firstResponseAt: new Date() } });
    }
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      action: "comment.added",
      target: formatTicketNumber(ticket.number),
      details: { visibility: input.visibility, commentId: comment.id },
    });
    await notifyTicketEvent(tx, { kind: input.visibility === "PUBLIC" ? "ticket.public-update" : null, ticketId: ticket.id, actorId: viewer.id });
    return comment;
  });
}
