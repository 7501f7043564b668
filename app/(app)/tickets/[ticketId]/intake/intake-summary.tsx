import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TicketDetail } from "@/lib/tickets/queries";
import { SYMPTOMS, type Symptom } from "@/lib/tickets/symptoms";
import { formatDateTime } from "@/lib/utils/dates";
import { toUtcInputValue } from "@/lib/tickets/utc-input";
import { EditIntakeForm } from "./edit-intake-form";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-x-2 gap-y-0.5 py-1.5 sm:grid-cols-[9rem_1fr]">
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export function IntakeSummary({ ticket, canEdit = false }: { ticket: TicketDetail; canEdit?: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Intake</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="divide-y text-sm">
          <Row term="Affected account">
            <span className="font-mono">{ticket.affectedUpn}</span>
          </Row>
          {/* The name may carry its own brackets ("Contoso (demo)"): the domain goes after a separator. */}
          <Row term="Tenant">
            {ticket.tenant.displayName} · <span className="font-mono text-xs">{ticket.tenant.primaryDomain}</span>
          </Row>
          <Row term="Detected">{formatDateTime(ticket.detectedAt)}</Row>
          <Row term="Reported">
            {formatDateTime(ticket.createdAt)} by {ticket.reporter.name}
          </Row>
          <Row term="Assignee">{ticket.assignee?.name ?? "Unassigned"}</Row>
          <Row term="Observed">
            {ticket.symptoms.length > 0 ? (
              <ul className="list-disc space-y-0.5 pl-4">
                {ticket.symptoms.map((s) => (
                  <li key={s}>{SYMPTOMS[s as Symptom] ?? s}</li>
                ))}
              </ul>
            ) : (
              <span className="text-muted-foreground">Nothing ticked</span>
            )}
          </Row>
          {ticket.symptomsNote && (
            <Row term="Reporter's notes">
              <p className="whitespace-pre-wrap">{ticket.symptomsNote}</p>
            </Row>
          )}
        </dl>
        {canEdit && ticket.status !== "CLOSED" && (
          <EditIntakeForm
            ticketId={ticket.id}
            version={ticket.version}
            title={ticket.title}
            symptoms={ticket.symptoms}
            symptomsNote={ticket.symptomsNote ?? ""}
            detectedAtLocal={toUtcInputValue(ticket.detectedAt)}
            options={Object.entries(SYMPTOMS).map(([value, label]) => ({ value, label }))}
          />
        )}
      </CardContent>
    </Card>
  );
}
