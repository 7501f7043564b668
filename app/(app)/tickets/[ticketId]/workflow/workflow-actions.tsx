import { formatTicketNumber } from "@/lib/tickets/format";
import { listAssignableEngineers } from "@/lib/workflow/assignees";
import { getResolveWarnings, type CloseReadiness } from "@/lib/workflow/close-readiness";
import { availableTransitions, transitionLabel } from "@/lib/tickets/status-machine";
import type { StageProps } from "../stage-props";
import { TransitionButtons, type MoveKey } from "./transition-buttons";

/** The ticket's next moves (assign, triage, resolve, close, reopen) for those who work tickets. */
export async function WorkflowActions({ db, viewer, ticket, can, readiness }: StageProps & { readiness: CloseReadiness | null }) {
  if (!can.work) return null;
  const canAssign = can.assignNow;
  const transitions = availableTransitions(ticket.status);
  const [engineers, resolveWarnings] = await Promise.all([
    canAssign ? listAssignableEngineers(db, viewer, ticket.tenantId) : null,
    transitions.includes("resolve") ? getResolveWarnings(db, ticket) : [],
  ]);
  return (
    <TransitionButtons
      ticketId={ticket.id}
      ticketNumber={formatTicketNumber(ticket.number)}
      version={ticket.version}
      status={ticket.status}
      viewerId={viewer.id}
      assigneeId={ticket.assignee?.id ?? null}
      engineers={engineers}
      closeBlocked={(readiness?.blockers.length ?? 0) > 0}
      closeWarnings={readiness?.warnings ?? []}
      resolveWarnings={resolveWarnings}
      transitions={transitions.map((key) => ({ key: key as MoveKey, label: transitionLabel(key) }))}
    />
  );
}
