import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import { canDecide } from "@/lib/remediation/approval-rules";
import { CAMPAIGN_APPROVAL_STEP } from "@/lib/campaigns/schemas";
import { stepDef } from "@/lib/remediation/steps";
import { ticketAccessFor } from "@/lib/auth/ticket-access";

// Approval requests waiting for the viewer: PENDING, on a ticket the viewer may see, and one
// the viewer may decide (not their own request; a tenant admin only for their tenant). Read-only;
// the decision itself stays in lib/remediation/approvals.ts.

export type AwaitingApproval = { id: string; step: string; requestedBy: string; createdAt: Date };

const stepName = (key: string) =>
  key === "containment"
    ? "Contain the account (4 steps)"
    : key === CAMPAIGN_APPROVAL_STEP
      ? "Contain the campaign's accounts"
      : (stepDef(key)?.title ?? key);

export async function listApprovalsAwaiting(db: Db, viewer: Viewer, ticketId: string): Promise<AwaitingApproval[]> {
  if (!hasPermission(viewer.role, "remediation.approve")) return [];
  const rows = await db.approval.findMany({
    where: {
      ticketId,
      status: "PENDING",
      requestedById: { not: viewer.id },
      ticket: { AND: [ticketAccessFor(viewer), { status: { not: "CLOSED" } }] },
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      stepKey: true,
      createdAt: true,
      requestedById: true,
      requestedBy: { select: { name: true } },
      ticket: { select: { tenantId: true } },
    },
  });
  return rows
    .filter((a) => canDecide(viewer, { requestedById: a.requestedById, tenantId: a.ticket.tenantId }) === null)
    .map((a) => ({ id: a.id, step: stepName(a.stepKey), requestedBy: a.requestedBy.name, createdAt: a.createdAt }));
}

/** Per ticket, how many requests wait for the viewer (for a ticket list). */
export async function countApprovalsAwaiting(db: Db, viewer: Viewer, ticketIds: string[]): Promise<Map<string, number>> {
  if (!hasPermission(viewer.role, "remediation.approve") || ticketIds.length === 0) return new Map();
  const rows = await db.approval.findMany({
    where: {
      ticketId: { in: ticketIds },
      status: "PENDING",
      requestedById: { not: viewer.id },
      ticket: { AND: [ticketAccessFor(viewer), { status: { not: "CLOSED" } }] },
    },
    select: { ticketId: true, requestedById: true, ticket: { select: { tenantId: true } } },
  });
  const counts = new Map<string, number>();
  for (const a of rows)
    if (canDecide(viewer, { requestedById: a.requestedById, tenantId: a.ticket.tenantId }) === null)
      counts.set(a.ticketId, (counts.get(a.ticketId) ?? 0) + 1);
  return counts;
}
