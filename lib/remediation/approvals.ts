import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError, notFoundError } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { listUserRoles, type HeldRole } from "@/lib/graph/users";
import { notifyTicketEvent } from "@/lib/notifications/service";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { formatTicketNumber } from "@/lib/tickets/format";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { canDecide, isPrivileged, needsApproval } from "./approval-rules";
import { stateOfRecorded } from "./record";
import { CONTAINMENT_STEPS, stepDef } from "./steps";

// Second-person approval of destructive steps. The run that needs one records a PENDING approval
// and stops; another engineer or the tenant's admin approves (or rejects with a reason); the next
// run of that step (with the same choice) consumes the approval when it starts (recordPending).

/** targetRoles: the account's directory roles as read for the gate (null = not read), for explaining a refusal later. */
export type ApprovalGate = (
  { status: "not-needed" } | { status: "approved"; approvalId: string } | { status: "waiting"; approvalId: string; reason: string }
) & { targetRoles: HeldRole[] | null };

type GateContext = {
  ticketId: string;
  tenantId: string;
  ticketNumber: number;
  upn: string;
  stepKey: string;
  destructive: boolean;
  params?: Record<string, unknown>;
};

/** The checklist rows an approval holds: containment's four, or the one step. */
const rowsOf = (stepKey: string): string[] => (stepKey === "containment" ? [...CONTAINMENT_STEPS] : [stepKey]);

/** Same choice (e.g. the same inbox rule), whatever the key order. */
const sameParams = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? {}, Object.keys((a ?? {}) as object).sort()) === JSON.stringify(b ?? {}, Object.keys((b ?? {}) as object).sort());

/** The account's roles, direct, through groups and PIM-eligible (lib/graph/users.ts); an AppError when they cannot be read. */
async function readRoles(graph: TenantGraph, upn: string): Promise<HeldRole[] | AppError> {
  try {
    // An account the tenant does not know has no readable roles either: fail closed.
    return (await listUserRoles(graph, upn)) ?? new AppError("NOT_FOUND", `${upn} was not found in the tenant`);
  } catch (error) {
    // Microsoft's sign-in down: nothing is known about the account, and nothing can run either —
    // say "retry", never turn it into a request for approval.
    if (!isAppError(error) || error.code === "SIGN_IN_UNAVAILABLE") throw error;
    return error;
  }
}

/** "Global Administrator; eligible for Exchange Administrator (PIM)" */
export const rolesInWords = (roles: HeldRole[]) =>
  roles.map((r) => (r.via === "eligible" ? `eligible for ${r.name} (PIM)` : r.name)).join("; ");

/** Why a second person is needed, or null. An unreadable role list counts as privileged (fail closed). */
function approvalReason(requireApproval: boolean, upn: string, roles: HeldRole[] | AppError): string | null {
  if (requireApproval) return "This tenant asks for a second person's approval before destructive steps.";
  if (roles instanceof AppError)
    return `Could not read ${upn}'s directory roles (${roles.message}), so it is treated as a privileged account: a second person must approve.`;
  const privileged = roles.filter((r) => isPrivileged([r.name]));
  if (!needsApproval({ destructive: true, tenantRequiresApproval: false, targetIsPrivileged: privileged.length > 0 })) return null;
  return `${upn} is a privileged account (${rolesInWords(privileged)}): a second person must approve.`;
}

export async function checkApproval(db: Db, viewer: Viewer, ctx: GateContext, graph: TenantGraph): Promise<ApprovalGate> {
  if (!ctx.destructive) return { status: "not-needed", targetRoles: null };
  const [tenant, roles] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { requireApproval: true } }),
    readRoles(graph, ctx.upn),
  ]);
  const targetRoles = roles instanceof AppError ? null : roles;
  const reason = approvalReason(tenant.requireApproval, ctx.upn, roles);
  if (!reason) return { status: "not-needed", targetRoles };
  const open = await db.approval.findMany({
    where: { ticketId: ctx.ticketId, stepKey: ctx.stepKey, status: { in: ["APPROVED", "PENDING"] } },
    select: { id: true, status: true, params: true },
    orderBy: { createdAt: "asc" },
  });
  const mine = open.filter((a) => sameParams(a.params, ctx.params));
  const approved = mine.find((a) => a.status === "APPROVED");
  if (approved) return { status: "approved", approvalId: approved.id, targetRoles }; // consumed when the run starts
  const pending = mine.find((a) => a.status === "PENDING");
  if (pending) return { status: "waiting", approvalId: pending.id, reason, targetRoles };
  const created = await db.$transaction(async (tx) => {
    const row = await recordApprovalRequest(tx, viewer, {
      ...ctx,
      why: reason,
      detail: stepDef(ctx.stepKey)?.title.toLowerCase() ?? "containment",
    });
    for (const key of rowsOf(ctx.stepKey)) {
      // A step already done stays done; the others wait.
      const existing = await tx.checklistStep.findUnique({
        where: { ticketId_key: { ticketId: ctx.ticketId, key } },
        select: { state: true },
      });
      if (existing?.state === "DONE") continue;
      await tx.checklistStep.upsert({
        where: { ticketId_key: { ticketId: ctx.ticketId, key } },
        create: { ticketId: ctx.ticketId, key, state: "WAITING_APPROVAL" },
        update: { state: "WAITING_APPROVAL", reason: null },
      });
    }
    return row;
  });
  return { status: "waiting", approvalId: created.id, reason, targetRoles };
}

/** A PENDING approval request, with its audit event and notification. Also used by campaign incidents (lib/campaigns). */
export async function recordApprovalRequest(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  ctx: {
    ticketId: string;
    tenantId: string;
    ticketNumber: number;
    stepKey: string;
    params?: Record<string, unknown>;
    why: string;
    detail: string;
  },
): Promise<{ id: string }> {
  const row = await tx.approval.create({
    data: {
      ticketId: ctx.ticketId,
      stepKey: ctx.stepKey,
      params: (ctx.params ?? undefined) as Prisma.InputJsonValue | undefined,
      requestedById: viewer.id,
      reason: null,
    },
    select: { id: true },
  });
  await recordAuditEvent(tx, {
    actorId: viewer.id,
    tenantId: ctx.tenantId,
    ticketId: ctx.ticketId,
    action: "approval.requested",
    target: formatTicketNumber(ctx.ticketNumber),
    details: { step: ctx.stepKey, why: ctx.why },
  });
  await notifyTicketEvent(tx, { kind: "approval.requested", ticketId: ctx.ticketId, actorId: viewer.id, detail: ctx.detail });
  return row;
}

/** A rejected request frees its rows: back to what their last run says, or not started, with the reason shown. */
async function releaseRows(tx: Prisma.TransactionClient, ticketId: string, stepKey: string, note: string) {
  const rows = await tx.checklistStep.findMany({
    where: { ticketId, key: { in: rowsOf(stepKey) }, state: "WAITING_APPROVAL" },
    select: { id: true, lastActionId: true },
  });
  for (const row of rows) {
    const last = row.lastActionId
      ? await tx.remediationAction.findUnique({
          where: { id: row.lastActionId },
          select: { kind: true, status: true, verified: true, verification: true },
        })
      : null;
    const state = last ? stateOfRecorded(last) : "TODO";
    await tx.checklistStep.update({ where: { id: row.id }, data: { state, reason: note } });
  }
}

export async function decideApproval(
  db: Db,
  viewer: Viewer,
  input: { approvalId: string; decision: "APPROVED" | "REJECTED"; reason?: string },
) {
  assertCan(viewer, "remediation.approve");
  const approval = await db.approval.findFirst({
    where: { id: input.approvalId, ticket: ticketAccessFor(viewer) },
    select: {
      id: true,
      status: true,
      stepKey: true,
      requestedById: true,
      ticketId: true,
      ticket: { select: { tenantId: true, number: true, status: true, tenant: { select: { disconnectedAt: true } } } },
    },
  });
  if (!approval) throw notFoundError("Approval");
  assertTicketOpen(approval.ticket, "decide approvals");
  if (approval.status !== "PENDING") throw new AppError("INVALID_STATE", "This request was already decided.");
  const refusal = canDecide(viewer, { requestedById: approval.requestedById, tenantId: approval.ticket.tenantId });
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const reason = input.reason?.trim() || null;
  if (input.decision === "REJECTED" && !reason) throw new AppError("INVALID_INPUT", "Say why you reject it.", { field: "reason" });
  await db.$transaction(async (tx) => {
    const decided = await tx.approval.updateMany({
      where: { id: approval.id, status: "PENDING" },
      data: { status: input.decision, decidedById: viewer.id, decidedAt: new Date(), reason },
    });
    if (decided.count !== 1) throw new AppError("INVALID_STATE", "This request was already decided.");
    if (input.decision === "REJECTED")
      await releaseRows(tx, approval.ticketId, approval.stepKey, `Approval rejected by ${viewer.name}: ${reason}`);
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: approval.ticket.tenantId,
      ticketId: approval.ticketId,
      action: input.decision === "APPROVED" ? "approval.approved" : "approval.rejected",
      target: formatTicketNumber(approval.ticket.number),
      details: { step: approval.stepKey, reason },
    });
  });
}

export async function listApprovals(db: Db, viewer: Viewer, ticketId: string) {
  return db.approval.findMany({
    where: { ticketId, ticket: ticketAccessFor(viewer) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      stepKey: true,
      params: true,
      status: true,
      reason: true,
      createdAt: true,
      decidedAt: true,
      requestedById: true,
      requestedBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
    },
  });
}
