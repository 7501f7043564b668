import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { recordApprovalRequest } from "@/lib/remediation/approvals";
import { CAMPAIGN_APPROVAL_STEP } from "./schemas";

// One second-person approval for a whole campaign selection, on the single steps' Approval rows
// and flow (lib/remediation/approvals.ts: requested → approved/rejected by another engineer or the
// tenant's admin → consumed by the run). Its params name the exact accounts, so an approval never
// covers accounts added after it was asked.

export type CampaignApprovalParams = { accountIds: string[]; states: string[] };

type Gate = { status: "approved"; approvalId: string } | { status: "waiting"; approvalId: string; reason: string };

const REASON = "This tenant asks for a second person's approval before destructive steps.";

const keyOf = (p: unknown) => {
  const params = (p ?? {}) as Partial<CampaignApprovalParams>;
  return JSON.stringify([[...(params.accountIds ?? [])].sort(), [...(params.states ?? [])].sort()]);
};

export function campaignApprovalParams(params: unknown): CampaignApprovalParams {
  const p = (params ?? {}) as Partial<CampaignApprovalParams>;
  return { accountIds: p.accountIds ?? [], states: p.states ?? [] };
}

/** An approved request for exactly this selection (to consume), or the one waiting (asked now if none). */
export async function campaignApprovalGate(
  db: Db,
  viewer: Viewer,
  ticket: { id: string; tenantId: string; number: number },
  params: CampaignApprovalParams,
): Promise<Gate> {
  const open = await db.approval.findMany({
    where: { ticketId: ticket.id, stepKey: CAMPAIGN_APPROVAL_STEP, status: { in: ["APPROVED", "PENDING"] } },
    select: { id: true, status: true, params: true },
    orderBy: { createdAt: "asc" },
  });
  const mine = open.filter((a) => keyOf(a.params) === keyOf(params));
  const approved = mine.find((a) => a.status === "APPROVED");
  if (approved) return { status: "approved", approvalId: approved.id };
  const pending = mine.find((a) => a.status === "PENDING");
  if (pending) return { status: "waiting", approvalId: pending.id, reason: REASON };
  const row = await db.$transaction((tx) =>
    recordApprovalRequest(tx, viewer, {
      ticketId: ticket.id,
      tenantId: ticket.tenantId,
      ticketNumber: ticket.number,
      stepKey: CAMPAIGN_APPROVAL_STEP,
      params: { ...params, accounts: params.accountIds.length },
      why: REASON,
      detail: `containment of ${params.accountIds.length} campaign account(s)`,
    }),
  );
  return { status: "waiting", approvalId: row.id, reason: REASON };
}
