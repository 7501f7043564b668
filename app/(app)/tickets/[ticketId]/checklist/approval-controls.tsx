"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { decideCampaignApprovalAction } from "@/lib/campaigns/actions";
import { decideApprovalAction } from "@/lib/remediation/actions";

/** campaign: a campaign's approval, whose selection runs as soon as it is approved. */
export function ApprovalControls({ approvalId, campaign = false }: { approvalId: string; campaign?: boolean }) {
  const [reason, setReason] = useState("");
  const single = useAction(decideApprovalAction);
  const many = useAction(decideCampaignApprovalAction);
  const { execute, isPending, result } = campaign ? many : single;
  const error = result.validationErrors?.fieldErrors.reason?.join(" ") ?? result.serverError?.message;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Button size="sm" disabled={isPending} onClick={() => execute({ approvalId, decision: "APPROVED" })}>
        Approve
      </Button>
      <Input
        aria-label="Reason for rejecting"
        placeholder="Reason (to reject)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="h-8 w-56 text-xs"
      />
      <Button size="sm" variant="outline" disabled={isPending} onClick={() => execute({ approvalId, decision: "REJECTED", reason })}>
        Reject
      </Button>
      {error && (
        <span role="alert" className="w-full text-xs text-destructive">
          {error}
        </span>
      )}
    </span>
  );
}
