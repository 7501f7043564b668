import { Badge } from "@/components/ui/badge";
import type { CampaignApprovalView } from "@/lib/campaigns/queries";
import { formatDateTime } from "@/lib/utils/dates";
import { ApprovalControls } from "../checklist/approval-controls";

const STATUS = {
  PENDING: ["Waiting for approval", "warning"],
  APPROVED: ["Approved", "success"],
  REJECTED: ["Rejected", "danger"],
} as const;

/** The one approval a campaign selection needs (tenants that require a second person); it runs as soon as it is approved. */
export function CampaignApprovalNotice({ approval, canDecide }: { approval: CampaignApprovalView; canDecide: boolean }) {
  const [label, variant] = STATUS[approval.status as keyof typeof STATUS] ?? [approval.status, "neutral"];
  return (
    <div className="space-y-1 rounded-md border p-2 text-sm" data-testid="campaign-approval">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Contain {approval.accounts} campaign accounts</span>
        <Badge variant={variant}>{label}</Badge>
      </div>
      <p className="text-xs text-muted-foreground">
        Asked by {approval.requestedBy}, {formatDateTime(approval.createdAt)}
        {approval.status === "PENDING" &&
          "; waiting for another engineer or the tenant's admin to decide. It runs as soon as it is approved."}
        {approval.status === "APPROVED" && `; approved by ${approval.decidedBy ?? "someone"}: start it again to run it.`}
        {approval.status === "REJECTED" && `; rejected by ${approval.decidedBy ?? "someone"}.`}
      </p>
      {approval.reason && <p className="text-xs">Reason: “{approval.reason}”</p>}
      {approval.status === "PENDING" && canDecide && <ApprovalControls approvalId={approval.id} campaign />}
    </div>
  );
}
