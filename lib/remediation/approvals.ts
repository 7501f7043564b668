import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFound } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { listUserRoles } from "@/lib/graph/users";
import { formatTicketNumber } from "@/lib/tickets/format";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { canDecide, isPrivileged, needsApproval } from "./approval-rules";

// Second-person approval of destructive steps. The run that needs one records a PENDING approval
// and stops; another engineer or the tenant's admin approves (or rejects with a reason); the next
// run of that step consumes the approval.

export type ApprovalGate = { status: "not-needed" } | { status: "approved"; approvalId: string } | { status: "waiting"; approvalId: string; reason: string };

export async function checkApproval(
  db: Db,
  viewer: Viewer,
  ctx: { ticketId: string; tenantId: string; ticketNumber: number; upn: string; stepKey: string; destructive: boolean },
  graph: TenantGraph,
): Promise<ApprovalGate> {
  if (!ctx.destructive) return { status: "not-needed" };
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { requireApproval: true } });
  const privileged = tenant.requireApproval ? false : isPrivileged(await listUserRoles(graph, ctx.upn).catch(() => []));
  if (!needsApproval({ destructive: true, tenantRequiresApproval: tenant.requireApproval, targetIsPrivileged: privileged })) return { status: "not-needed" };
  const approved = await db.approval.findFirst({ where: { ticketId: ctx.ticketId, stepKey: ctx.stepKey, status: "APPROVED" }, select: { id: true } });
  if (approved) {
    await db.approval.update({ where: { id: approved.id }, data: { status: "USED" } });
    return { status: "approved", approvalId: approved.id };
  }
  const reason = tenant.requireApproval ? "This tenant asks for a second person's approval before destructive steps." : `${ctx.upn} is a privileged account: a second person must approve.`;
  const pending = await db.approval.findFirst({ where: { ticketId: ctx.ticketId, stepKey: ctx.stepKey, status: "PENDING" }, select: { id: true } });
  if (pending) return { status: "waiting", approvalId: pending.id, reason };
  const created = await db.$transaction(async (tx) => {
    const row = await tx.approval.create({ data: { ticketId: ctx.ticketId, stepKey: ctx.stepKey, requestedById: viewer.id, reason: null }, select: { id: true } });
    await tx.checklistStep.upsert({
      where: { ticketId_key: { ticketId: ctx.ticketId, key: ctx.stepKey === "containment" ? "block-sign-in" : ctx.stepKey } },
      create: { ticketId: ctx.ticketId, key: ctx.stepKey === "containment" ? "block-sign-in" : ctx.stepKey, state: "WAITING_APPROVAL" },
      update: { state: "WAITING_APPROVAL" },
    });
    await recordAuditEvent(tx, { actorId: viewer.id, tenantId: ctx.tenantId, ticketId: ctx.ticketId, action: "approval.requested", target: formatTicketNumber(ctx.ticketNumber), details: { step: ctx.stepKey, why: reason } });
    return row;
  });
  return { status: "waiting", approvalId: created.id, reason };
}

export async function decideApproval(db: Db, viewer: Viewer, input: { approvalId: string; decision: "APPROVED" | "REJECTED"; reason?: string }) {
  assertCan(viewer, "remediation.approve");
  const approval = await db.approval.findFirst({
    where: { id: input.approvalId, ticket: ticketScopeFor(viewer) },
    select: { id: true, status: true, stepKey: true, requestedById: true, ticketId: true, ticket: { select: { tenantId: true, number: true } } },
  });
  if (!approval) throw notFound("Approval");
  if (approval.status !== "PENDING") throw new AppError("INVALID_STATE", "This request was already decided.");
  const refusal = canDecide(viewer, { requestedById: approval.requestedById, tenantId: approval.ticket.tenantId });
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  if (input.decision === "REJECTED" && !input.reason?.trim()) throw new AppError("INVALID_INPUT", "Say why you reject it.", { field: "reason" });
  await db.$transaction(async (tx) => {
    await tx.approval.update({ where: { id: approval.id }, data: { status: input.decision, decidedById: viewer.id, decidedAt: new Date(), reason: input.reason?.trim() || null } });
    await recordAuditEvent(tx, {
      actorId: viewer.id, tenantId: approval.ticket.tenantId, ticketId: approval.ticketId, action: input.decision === "APPROVED" ? "approval.approved" : "approval.rejected",
      target: formatTicketNumber(approval.ticket.number), details: { step: approval.stepKey, reason: input.reason ?? null },
    });
  });
}

export async function listApprovals(db: Db, viewer: Viewer, ticketId: string) {
  return db.approval.findMany({
    where: { ticketId, ticket: ticketScopeFor(viewer) },
    orderBy: { createdAt: "desc" },
    select: { id: true, stepKey: true, status: true, reason: true, createdAt: true, decidedAt: true, requestedById: true, requestedBy: { select: { name: true } }, decidedBy: { select: { name: true } } },
  });
}
