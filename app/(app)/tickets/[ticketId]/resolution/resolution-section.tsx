import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { listAdvisories, RECOVERY_STEP_KEYS } from "@/lib/advisories/queries";
import { getTraceOverview } from "@/lib/message-trace/queries";
import { defaultTraceWindow } from "@/lib/message-trace/window";
import { formatDateTime } from "@/lib/utils/dates";
import { readTicketFacts } from "@/lib/workflow/ticket-facts";
import type { StageProps } from "../stage-props";
import { AdvisoryCard } from "./advisory-card";
import { DraftAdvisoriesButton } from "./draft-advisories-button";
import { RecoverySteps } from "./recovery-steps";
import { RunTraceForm } from "./run-trace-form";
import { TraceSummaryTable } from "./trace-summary-table";
import { TraceTable } from "./trace-table";

/** Stage 5: message trace, advisories per recipient domain, and the recovery steps' state. */
export async function ResolutionSection({ db, viewer, ticket, can }: StageProps) {
  // A closed ticket is read-only here: reopening is the way back to work on it.
  const canWork = can.workNow;
  const [trace, advisories, steps] = await Promise.all([
    getTraceOverview(db, viewer, { id: ticket.id, tenantPrimaryDomain: ticket.tenant.primaryDomain }),
    listAdvisories(db, viewer, ticket.id),
    // the page has read the ticket's steps once already (its facts)
    readTicketFacts(db, ticket.id, ticket.affectedUpn).then((facts) =>
      facts.steps
        .filter((s) => (RECOVERY_STEP_KEYS as readonly string[]).includes(s.key))
        .map((s) => ({ ...s, doneAt: s.doneAtMs === null ? null : new Date(s.doneAtMs) })),
    ),
  ]);
  const defaults = defaultTraceWindow(ticket.detectedAt);
  const externalDomains = trace.summary.filter((d) => !d.isInternal).length;

  return (
    <Section id="resolution-heading" title="Resolution and recovery" className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Message trace</CardTitle>
          <CardDescription>
            What <span className="font-mono">{ticket.affectedUpn}</span> sent, from Exchange message trace
            {trace.lastRun?.sender && trace.lastRun.sender !== ticket.affectedUpn.toLowerCase() ? (
              <>
                {" "}
                (traced by its primary SMTP address <span className="font-mono">{trace.lastRun.sender}</span>, which Exchange records
                instead of the sign-in name)
              </>
            ) : null}
            .{" "}
            {trace.lastRun
              ? `Last run ${formatDateTime(trace.lastRun.at)}${trace.lastRun.result === "FAILED" ? " (failed)" : ""}${
                  trace.lastRun.start && trace.lastRun.end
                    ? `, window ${formatDateTime(new Date(trace.lastRun.start))} to ${formatDateTime(new Date(trace.lastRun.end))}`
                    : ""
                }.`
              : "Not run yet."}
          </CardDescription>
          {trace.lastRun?.truncated && (
            <Alert variant="warning">
              Only the first {trace.lastRun.messages ?? trace.total} of more trace rows were read: Exchange had more in this window. Narrow
              the window to see the rest.
            </Alert>
          )}
        </CardHeader>
        <CardContent className="space-y-4">
          {canWork && <RunTraceForm ticketId={ticket.id} defaultStart={defaults.start.toISOString()} />}
          {trace.total === 0 ? (
            <EmptyState
              title="No trace results yet"
              description={
                canWork
                  ? "Run the message trace to see the mail the account sent."
                  : "The support engineer has not run the message trace yet."
              }
            />
          ) : (
            <>
              <TraceSummaryTable summary={trace.summary} />
              <TraceTable
                rows={trace.rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }))}
                total={trace.total}
                sender={trace.lastRun?.sender ?? ticket.affectedUpn}
              />
            </>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Advisories to recipient domains</CardTitle>
          <CardDescription>
            One advisory per external recipient domain, asking its admins to block or delete the mail. Sent from{" "}
            {ticket.tenant.serviceMailbox ? (
              <span className="font-mono">{ticket.tenant.serviceMailbox}</span>
            ) : (
              "the tenant's service mailbox (none configured: copy instead)"
            )}
            .
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {canWork && trace.total > 0 && (
            <DraftAdvisoriesButton ticketId={ticket.id} externalDomains={externalDomains} drafted={advisories.length} />
          )}
          {advisories.length === 0 ? (
            <EmptyState
              title="No advisories yet"
              description={
                trace.total === 0
                  ? "Advisories are drafted from the message trace."
                  : externalDomains === 0
                    ? "The trace shows no external recipient domains."
                    : "Draft them from the trace."
              }
            />
          ) : (
            advisories.map((a) => (
              <AdvisoryCard
                key={a.id}
                advisory={{ ...a, sentAt: a.sentAt?.toISOString() ?? null, acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null }}
                canWork={canWork}
                canSend={Boolean(ticket.tenant.serviceMailbox)}
                senderMailbox={ticket.tenant.serviceMailbox}
              />
            ))
          )}
        </CardContent>
      </Card>

      <RecoverySteps ticketId={ticket.id} steps={steps} />
    </Section>
  );
}
