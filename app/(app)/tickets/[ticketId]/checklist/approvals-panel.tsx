import { Badge } from "@/components/ui/badge";
import { CAMPAIGN_APPROVAL_STEP } from "@/lib/campaigns/schemas";
import { listApprovals } from "@/lib/remediation/approvals";
import { isItemStep, itemIdOf } from "@/lib/remediation/eradication";
import { loadFlaggedItems } from "@/lib/remediation/flagged-items";
import type { StepParams } from "@/lib/remediation/step-operations";
import { approvalStepWords, confirmationFor } from "@/lib/remediation/step-words";
import { formatDateTime } from "@/lib/utils/dates";
import type { StageProps } from "../stage-props";
import { ApprovalControls } from "./approval-controls";
import { ContainAccountButton } from "./contain-account-button";
import { RefreshWhilePending } from "./refresh-while-pending";
import { StepRunButton } from "./step-run-button";

const STATUS = {
  PENDING: ["Waiting for approval", "warning"],
  APPROVED: ["Approved – ready to run", "success"],
  REJECTED: ["Rejected", "danger"],
  USED: ["Approved and run", "neutral"],
} as const;

/** Destructive steps waiting for (or decided by) a second person, in words, with the approved run one click away. */
export async function ApprovalsPanel({ db, viewer, ticket, can, hasSnapshot }: StageProps & { hasSnapshot: boolean }) {
  const { id: ticketId, affectedUpn: upn } = ticket;
  const canRun = can.runNow;
  const canApprove = can.approve;
  // A campaign's approval is shown, decided and run in the campaign section.
  const approvals = (await listApprovals(db, viewer, ticketId)).filter((a) => a.stepKey !== CAMPAIGN_APPROVAL_STEP);
  if (approvals.length === 0) return null;
  const steps = [...new Set(approvals.map((a) => a.stepKey).filter(isItemStep))];
  const items = new Map((await Promise.all(steps.map((s) => loadFlaggedItems(db, ticketId, s)))).flat().map((i) => [i.id, i.label]));
  const itemOf = (stepKey: string, params: unknown) => {
    const id = isItemStep(stepKey) ? itemIdOf(stepKey, (params ?? {}) as StepParams) : undefined;
    return id ? (items.get(id) ?? "an item no longer flagged") : null;
  };
  return (
    <div className="space-y-2 rounded-md border p-3" aria-label="Approvals">
      <RefreshWhilePending active={approvals.some((a) => a.status === "PENDING")} />
      <h3 className="text-sm font-semibold">Approvals</h3>
      <ul className="space-y-3 text-sm">
        {approvals.map((a) => {
          const [label, variant] = STATUS[a.status as keyof typeof STATUS] ?? [a.status, "neutral"];
          const item = itemOf(a.stepKey, a.params);
          const decided = a.decidedBy ? `${a.decidedBy.name}${a.decidedAt ? ` at ${formatDateTime(a.decidedAt)}` : ""}` : null;
          return (
            <li key={a.id} className="space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{approvalStepWords(a.stepKey, item)}</span>
                <Badge variant={variant}>{label}</Badge>
              </div>
              <p className="text-xs text-muted-foreground">
                Asked by {a.requestedBy.name}, {formatDateTime(a.createdAt)}
                {a.status === "APPROVED" && decided && (
                  <>
                    ; <span className="font-medium text-foreground">approved by {decided}</span>
                  </>
                )}
                {a.status === "USED" && decided && `; approved by ${decided}, and run`}
                {a.status === "REJECTED" && decided && `; rejected by ${decided}`}
                {a.status === "PENDING" && "; waiting for another engineer or the tenant's admin to decide"}
              </p>
              {a.reason && <p className="text-xs">Reason: “{a.reason}”</p>}
              {a.status === "PENDING" && canApprove && a.requestedById !== viewer.id && <ApprovalControls approvalId={a.id} />}
              {(a.status === "APPROVED" || a.status === "USED") && canRun && (
                // Stays mounted once the approval is used, so the run's password and messages stay on screen.
                <div className="flex flex-wrap items-center gap-2">
                  {a.status === "APPROVED" && (
                    <span className="text-xs">
                      Approved: run {a.stepKey === "containment" ? "the approved steps" : "the approved step"} now.
                    </span>
                  )}
                  {a.stepKey === "containment" ? (
                    <ContainAccountButton
                      ticketId={ticketId}
                      upn={upn}
                      hasSnapshot={hasSnapshot}
                      label="Run the approved steps"
                      hideTrigger={a.status === "USED"}
                    />
                  ) : (
                    <StepRunButton
                      ticketId={ticketId}
                      stepKey={a.stepKey}
                      label="Run the approved step"
                      ariaLabel={`Run the approved step: ${approvalStepWords(a.stepKey, item)}`}
                      params={(a.params ?? undefined) as StepParams | undefined}
                      confirm={confirmationFor(a.stepKey, upn, item)}
                      variant="default"
                      hideTrigger={a.status === "USED"}
                    />
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
