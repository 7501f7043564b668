import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { deadlineState } from "@/lib/impact/categories";
import { listImpactAssessments } from "@/lib/impact/queries";
import type { StageProps } from "../stage-props";
import { formatDateTime, formatDuration } from "@/lib/utils/dates";
import { ImpactForm } from "./impact-form";

/** Stage 3: the seed's impact categories as a structured assessment, with the notification clock. */
export async function ImpactSection({ db, viewer, ticket, can }: StageProps) {
  const rows = await listImpactAssessments(db, viewer, ticket.id);
  const deadline = ticket.notificationDeadline;
  const clock = deadline ? deadlineState(deadline) : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Business impact</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {ticket.personalDataInvolved && deadline && clock && (
          <Alert variant={clock.overdue ? "destructive" : "warning"}>
            Regulatory notification {clock.overdue ? `overdue by ${formatDuration(clock.ms)}` : `due in ${formatDuration(clock.ms)}`} (
            {formatDateTime(deadline)}).
          </Alert>
        )}
        <ImpactForm
          ticketId={ticket.id}
          version={ticket.version}
          readOnly={!can.workNow}
          levels={Object.fromEntries(rows.map((r) => [r.category, { level: r.level, notes: r.notes ?? "" }]))}
          personalDataInvolved={ticket.personalDataInvolved}
          deadline={deadline?.toISOString() ?? null}
          severity={ticket.severity}
        />
      </CardContent>
    </Card>
  );
}
