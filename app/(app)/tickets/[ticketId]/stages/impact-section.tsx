import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import { deadlineState } from "@/lib/impact/categories";
import type { TicketDetail } from "@/lib/tickets/queries";
import { formatDateTime, formatDuration } from "@/lib/utils/dates";
import { ImpactForm } from "./impact-form";

/** Stage 3: the seed's impact categories as a structured assessment, with the notification clock. */
export async function ImpactSection({ db, viewer, ticket }: { db: Db; viewer: Viewer; ticket: TicketDetail }) {
  const [rows, extra] = await Promise.all([
    db.impactAssessment.findMany({ where: { ticketId: ticket.id }, select: { category: true, level: true, notes: true } }),
    db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { personalDataInvolved: true, notificationDeadline: true } }),
  ]);
  const deadline = extra.notificationDeadline;
  const clock = deadline ? deadlineState(deadline) : null;
  return (
    <Card>
      <CardHeader><CardTitle className="text-base">Business impact</CardTitle></CardHeader>
      <CardContent className="space-y-3">
        {extra.personalDataInvolved && deadline && clock && (
          <Alert variant={clock.overdue ? "destructive" : "warning"}>
            Regulatory notification {clock.overdue ? `overdue by ${formatDuration(clock.ms)}` : `due in ${formatDuration(clock.ms)}`} ({formatDateTime(deadline)}).
          </Alert>
        )}
        <ImpactForm
          ticketId={ticket.id}
          version={ticket.version}
          readOnly={!hasPermission(viewer.role, "tickets.work") || ticket.status === "CLOSED"}
          levels={Object.fromEntries(rows.map((r) => [r.category, { level: r.level, notes: r.notes ?? "" }]))}
          personalDataInvolved={extra.personalDataInvolved}
          deadline={deadline?.toISOString() ?? null}
          severity={ticket.severity}
        />
      </CardContent>
    </Card>
  );
}
