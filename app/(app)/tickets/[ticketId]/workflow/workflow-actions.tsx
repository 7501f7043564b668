import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { TicketDetail } from "@/lib/tickets/queries";
import { availableTransitions, transitionLabel } from "@/lib/workflow/status-machine";
import { TransitionButtons } from "./transition-buttons";

/** The ticket's next moves (assign, triage, resolve, close, reopen) for those who work tickets. */
export function WorkflowActions({ viewer, ticket }: { viewer: Viewer; ticket: TicketDetail }) {
  if (!hasPermission(viewer.role, "tickets.work")) return null;
  return (
    <TransitionButtons
      ticketId={ticket.id}
      version={ticket.version}
      viewerId={viewer.id}
      isAssignedToViewer={ticket.assignee?.id === viewer.id}
      transitions={availableTransitions(ticket.status).map((key) => ({ key: key as "triage" | "resolve" | "close" | "reopen", label: transitionLabel(key) }))}
    />
  );
}
