import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import type { TicketDetail } from "@/lib/tickets/queries";
import { StageSummary } from "../stages/stage-summary";
import { OutcomeForm } from "./outcome-form";

type Progress = Record<string, { state: string; detail: string }>;

/** Stage 7: what was achieved, lessons and closure reason, beside where every stage stands. */
export async function OutcomeStage({ db, viewer, ticket, progress }: { db: Db; viewer: Viewer; ticket: TicketDetail; progress: Progress }) {
  const canWork = hasPermission(viewer.role, "tickets.work");
  const extra = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { outcomeSummary: true, lessonsLearned: true, closureReason: true } });
  // A returned report's narrative is revised on the closed ticket (then resubmitted).
  const revising = ticket.status === "CLOSED" && ticket.reviewStatus === "RETURNED";
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Outcome</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          {canWork && revising && (
            <p className="text-sm text-muted-foreground">The report was returned: revise its text here and resubmit it. The ticket stays closed.</p>
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
      <StageSummary ticketId={ticket.id} progress={progress} />
    </div>
  );
}
