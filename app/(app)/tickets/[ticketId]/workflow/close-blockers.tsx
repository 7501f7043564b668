import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { CloseBlocker } from "@/lib/workflow/close-gate";
import { stageHref } from "@/lib/workflow/stages";

/** On a resolved ticket, what still stands in the way of closing it, with the stage to fix it in. The Close button points here. */
export function CloseBlockers({ ticketId, blockers }: { ticketId: string; blockers: CloseBlocker[] }) {
  if (blockers.length === 0) return null;
  const inChecklist = blockers.some((b) => b.key !== "outcome" && b.key !== "closureReason");
  const inOutcome = blockers.some((b) => b.key === "outcome" || b.key === "closureReason");
  return (
    <Alert variant="warning" id="close-blockers">
      Before closing: {blockers.map((b) => b.message).join("; ")}.{" "}
      {inChecklist && (
        <Link href={stageHref(ticketId, "checklist", "checklist")} className="underline">
          Open Troubleshooting
        </Link>
      )}
      {inChecklist && inOutcome && " · "}
      {inOutcome && (
        <Link href={stageHref(ticketId, "outcome", "outcome")} className="underline">
          Open Outcome
        </Link>
      )}
    </Alert>
  );
}
