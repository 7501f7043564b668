import { Badge } from "@/components/ui/badge";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import { listApprovals } from "@/lib/remediation/approvals";
import { formatDateTime } from "@/lib/utils/dates";
import { ApprovalControls } from "./approval-controls";

const STEP_NAMES: Record<string, string> = { containment: "Contain the account (4 steps)" };
const STATUS = { PENDING: ["Waiting for approval", "warning"], APPROVED: ["Approved", "success"], REJECTED: ["Rejected", "danger"], USED: ["Approved and run", "neutral"] } as const;

/** Destructive steps waiting for (or decided by) a second person. */
export async function ApprovalsPanel({ db, viewer, ticketId }: { db: Db; viewer: Viewer; ticketId: string }) {
  const approvals = await listApprovals(db, viewer, ticketId);
  if (approvals.length === 0) return null;
  const canApprove = hasPermission(viewer.role, "remediation.approve");
  return (
    <div className="space-y-2 rounded-md border p-3" aria-label="Approvals">
      <h3 className="text-sm font-semibold">Approvals</h3>
      <ul className="space-y-2 text-sm">
        {approvals.map((a) => {
          const [label, variant] = STATUS[a.status as keyof typeof STATUS] ?? [a.status, "neutral"];
          return (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{STEP_NAMES[a.stepKey] ?? a.stepKey}</span>
              <Badge variant={variant}>{label}</Badge>
              <span className="text-xs text-muted-foreground">asked by {a.requestedBy.name}, {formatDateTime(a.createdAt)}{a.decidedBy ? `; decided by ${a.decidedBy.name}` : ""}</span>
              {a.reason && <span className="text-xs">“{a.reason}”</span>}
              {a.status === "PENDING" && canApprove && a.requestedById !== viewer.id && <ApprovalControls approvalId={a.id} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
