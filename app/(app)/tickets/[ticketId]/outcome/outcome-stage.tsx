import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { StageSummary } from "../stages/stage-summary";
import type { StageProps } from "../stage-props";
import { OutcomeForm } from "./outcome-form";

type Progress = Record<string, { state: string; detail: string }>;

/** Stage 7: what was achieved, lessons and closure reason, beside where every stage stands. */
export function OutcomeStage({ ticket, can, progress }: StageProps & { progress: Progress }) {
  const canWork = can.work;
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
            <p className="text-sm text-muted-foreground">
              The report was returned: revise its text here and resubmit it. The ticket stays closed.
            </p>
          )}
          <OutcomeForm
            ticketId={ticket.id}
            version={ticket.version}
            readOnly={!canWork || (ticket.status === "CLOSED" && !revising)}
            outcomeSummary={ticket.outcomeSummary ?? ""}
            lessonsLearned={ticket.lessonsLearned ?? ""}
            closureReason={ticket.closureReason ?? ""}
          />
        </CardContent>
      </Card>
      <StageSummary ticketId={ticket.id} progress={progress} />
    </div>
  );
}
