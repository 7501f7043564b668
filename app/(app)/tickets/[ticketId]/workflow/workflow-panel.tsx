import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import type { TicketDetail } from "@/lib/tickets/queries";
import { closeBlockers } from "@/lib/workflow/close-gate";
import { slaReadings } from "@/lib/workflow/sla";
import { availableTransitions, transitionLabel } from "@/lib/workflow/status-machine";
import { OutcomeForm } from "./outcome-form";
import { SlaText } from "@/components/sla-text";
import { TransitionButtons } from "./transition-buttons";

/** Status, assignment, SLA clocks, the next moves, and stage 7 (outcome). */
export async function WorkflowPanel({ db, viewer, ticket, progress }: { db: Db; viewer: Viewer; ticket: TicketDetail; progress: Record<string, { state: string; detail: string }> }) {
  const canWork = hasPermission(viewer.role, "tickets.work");
  const extra = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { outcomeSummary: true, lessonsLearned: true, closureReason: true, reviewStatus: true } });
  const steps = await db.checklistStep.findMany({ where: { ticketId: ticket.id }, select: { key: true, state: true, reason: true } });
  const blockers = ticket.status === "RESOLVED" ? closeBlockers(steps, { summary: extra.outcomeSummary, closureReason: extra.closureReason }) : [];
  const clocks = slaReadings(ticket);
  // A returned report's narrative is revised on the closed ticket (then resubmitted).
  const revising = ticket.status === "CLOSED" && extra.reviewStatus === "RETURNED";
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Workflow and outcome</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap gap-4">
          <SlaText label="First response" clock={clocks.firstResponse} />
          {clocks.contain ? (
            <SlaText label="Contain" clock={clocks.contain} />
          ) : (
            <span className="text-xs"><span className="text-muted-foreground">Contain</span> not applicable: resolved without containment</span>
          )}
          {extra.reviewStatus !== "NONE" && <span className="text-xs">Manager review: {extra.reviewStatus.toLowerCase().replace("_", " ")}</span>}
        </div>
        {canWork && (
          <TransitionButtons
            ticketId={ticket.id}
            version={ticket.version}
            viewerId={viewer.id}
            isAssignedToViewer={ticket.assignee?.id === viewer.id}
            transitions={availableTransitions(ticket.status).map((key) => ({ key: key as "triage" | "resolve" | "close" | "reopen", label: transitionLabel(key) }))}
          />
        )}
        {canWork && blockers.length > 0 && (
          <Alert variant="warning">
            Before closing: {blockers.map((b) => b.message).join("; ")}.
          </Alert>
        )}
        <div>
          <h3 className="text-sm font-medium">Per stage</h3>
          <ul className="text-sm" aria-label="Per-stage summary">
            {Object.entries(progress).map(([stage, p]) => (
              <li key={stage}><span className="capitalize">{stage}</span>: {p.state.toLowerCase()} — {p.detail}</li>
            ))}
          </ul>
        </div>
        {canWork && revising && (
          <p className="text-sm text-muted-foreground">
            The report was returned: revise its text here and resubmit it. The ticket stays closed.
          </p>
        )}
        <OutcomeForm
          ticketId={ticket.id}
          version={ticket.version}
          readOnly={!canWork || (ticket.status === "CLOSED" && !revising)}
          outcomeSummary={extra.outcomeSummary ?? ""}
          lessonsLearned={extra.lessonsLearned ?? ""}
          closureReason={extra.closureReason ?? ""}
        />
      </CardContent>
    </Card>
  );
}
