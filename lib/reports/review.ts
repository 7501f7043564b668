import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFound } from "@/lib/errors";
import { formatTicketNumber } from "@/lib/tickets/format";
import { ticketScopeFor } from "@/lib/tickets/scope";
import type { Report } from "./compose-report";
import { snapshotReport } from "./snapshot";

// Who may read which report: staff with reports.read read every version; a tenant admin reads
// the approved report of their own tenant's incidents, and nothing else ("not found").

export async function getReportForViewer(db: Db, viewer: Viewer, ticketId: string) {
  assertCan(viewer, "reports.read");
  const isTenantAdmin = viewer.role === "TENANT_ADMIN";
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, ticketScopeFor(viewer), isTenantAdmin ? { reviewStatus: "APPROVED" } : {}] },
    select: { id: true, number: true, title: true, status: true, reviewStatus: true, tenantId: true },
  });
  if (!ticket) throw notFound("Report");
  const versions = await db.reportVersion.findMany({
    where: { ticketId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, createdAt: true, markdown: true, content: true, reviews: { orderBy: { createdAt: "asc" }, select: { decision: true, comments: true, createdAt: true, reviewer: { select: { name: true } } } } },
  });
  if (versions.length === 0) throw notFound("Report");
  // Tenant admins see the approved version only.
  const visible = isTenantAdmin ? versions.filter((v) => v.reviews.some((r) => r.decision === "APPROVED")).slice(0, 1) : versions;
  if (visible.length === 0) throw notFound("Report");
  return { ticket, versions: visible.map((v) => ({ ...v, content: v.content as unknown as Report })) };
}

export async function reviewReport(db: Db, viewer: Viewer, input: { ticketId: string; decision: "APPROVED" | "RETURNED"; comments?: string }) {
  assertCan(viewer, "reports.review");
  const ticket = await db.ticket.findFirst({ where: { AND: [{ id: input.ticketId }, ticketScopeFor(viewer)] }, select: { id: true, number: true, tenantId: true, reviewStatus: true } });
  if (!ticket) throw notFound("Report");
  if (ticket.reviewStatus !== "IN_REVIEW") throw new AppError("INVALID_STATE", "This report is not waiting for review.");
  if (input.decision === "RETURNED" && !input.comments?.trim()) throw new AppError("INVALID_INPUT", "Say what the engineer should change.", { field: "comments" });
  const latest = await db.reportVersion.findFirstOrThrow({ where: { ticketId: ticket.id }, orderBy: { version: "desc" }, select: { id: true, version: true } });
  await db.$transaction(async (tx) => {
    await tx.reportReview.create({ data: { reportVersionId: latest.id, reviewerId: viewer.id, decision: input.decision, comments: input.comments?.trim() || null } });
    await tx.ticket.update({ where: { id: ticket.id }, data: { reviewStatus: input.decision, version: { increment: 1 } } });
    await recordAuditEvent(tx, { actorId: viewer.id, tenantId: ticket.tenantId, ticketId: ticket.id, action: `report.${input.decision.toLowerCase()}`, target: formatTicketNumber(ticket.number), details: { version: latest.version, comments: input.comments ?? null } });
  });
}

/** After a return, the engineer revises the ticket and resubmits: a new version goes to review. */
export async function resubmitReport(db: Db, viewer: Viewer, input: { ticketId: string }) {
  assertCan(viewer, "tickets.work");
  const ticket = await db.ticket.findFirst({ where: { AND: [{ id: input.ticketId }, ticketScopeFor(viewer)] }, select: { id: true, number: true, tenantId: true, reviewStatus: true, status: true } });
  if (!ticket) throw notFound();
  if (ticket.status !== "CLOSED" || ticket.reviewStatus !== "RETURNED") throw new AppError("INVALID_STATE", "Only a closed ticket whose report was returned can be resubmitted.");
  await db.$transaction(async (tx) => {
    const v = await snapshotReport(tx, { ticketId: ticket.id, actorId: viewer.id });
    await tx.ticket.update({ where: { id: ticket.id }, data: { reviewStatus: "IN_REVIEW", version: { increment: 1 } } });
    await recordAuditEvent(tx, { actorId: viewer.id, tenantId: ticket.tenantId, ticketId: ticket.id, action: "report.resubmitted", target: formatTicketNumber(ticket.number), details: { version: v.version } });
  });
}

export async function listReviewQueue(db: Db, viewer: Viewer) {
  assertCan(viewer, "reports.review");
  return db.ticket.findMany({
    where: { reviewStatus: { in: ["IN_REVIEW", "RETURNED", "APPROVED"] } },
    orderBy: { closedAt: "desc" },
    take: 100,
    select: { id: true, number: true, title: true, reviewStatus: true, closedAt: true, tenant: { select: { displayName: true } }, assignee: { select: { name: true } } },
  });
}

/** The latest manager decision, for the ticket page (engineers see what to revise). */
export async function getLatestReview(db: Db, viewer: Viewer, ticketId: string) {
  if (!hasPermission(viewer.role, "tickets.work") && !hasPermission(viewer.role, "reports.review")) return null;
  return db.reportReview.findFirst({
    where: { reportVersion: { ticketId, ticket: ticketScopeFor(viewer) } },
    orderBy: { createdAt: "desc" },
    select: { decision: true, comments: true, createdAt: true, reviewer: { select: { name: true } }, reportVersion: { select: { version: true } } },
  });
}
