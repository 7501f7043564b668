import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import type { Db } from "@/lib/db/create-client";
import { notFoundError } from "@/lib/errors";
import type { JobQueue } from "@/lib/jobs/queue";
import { decideApproval } from "@/lib/remediation/approvals";
import { campaignApprovalParams } from "./approval";
import { CAMPAIGN_APPROVAL_STEP } from "./schemas";
import { queueSelected } from "./service";

// Deciding a campaign's approval: the single steps' decision (same rules: not the requester,
// a reason to reject), and once granted the selection runs at once, as its requester's run.

export async function decideCampaignApproval(
  db: Db,
  viewer: Viewer,
  input: { approvalId: string; decision: "APPROVED" | "REJECTED"; reason?: string },
  options: { queue?: JobQueue } = {},
): Promise<{ accounts: number; steps: number } | null> {
  const approval = await db.approval.findFirst({
    where: { id: input.approvalId, stepKey: CAMPAIGN_APPROVAL_STEP, ticket: ticketAccessFor(viewer) },
    select: { id: true, ticketId: true, requestedById: true, params: true, ticket: { select: { tenantId: true } } },
  });
  if (!approval) throw notFoundError("Approval");
  await decideApproval(db, viewer, input);
  if (input.decision !== "APPROVED") return null;
  const { accountIds, states } = campaignApprovalParams(approval.params);
  return queueSelected(
    db,
    {
      ticket: { id: approval.ticketId, tenantId: approval.ticket.tenantId },
      actorId: approval.requestedById,
      accountIds,
      states: states as ("IDLE" | "FAILED" | "CANCELLED")[],
      action: "campaign.containment_started",
      approvalId: approval.id,
    },
    options,
  );
}
