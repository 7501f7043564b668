import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { TicketDetail } from "@/lib/tickets/queries";
import type { TicketStageId } from "@/lib/workflow/stages";
import { TicketJobs } from "@/jobs/ticket-jobs";
import { CampaignSection } from "../campaign/campaign-section";
import { ChecklistSection } from "../checklist/checklist-section";
import { IntakeSummary } from "../intake-summary";
import { PreventionSection } from "../prevention/prevention-section";
import { ResolutionSection } from "../resolution/resolution-section";
import { UpdatesStage } from "../updates-stage";
import { OutcomeStage } from "../workflow/outcome-stage";
import { Timeline } from "../workflow/timeline";
import { ImpactSection } from "./impact-section";
import { ScopeSection } from "./scope-section";
import { StageSummary } from "./stage-summary";

type Props = {
  stage: TicketStageId; db: Db; viewer: Viewer; ticket: TicketDetail; progress: Record<string, { state: string; detail: string }>;
  /** Updates stage: every comment, not only the latest (?updates=all). */
  allUpdates?: boolean;
};

/** The open stage only: the others' components, and their queries, are not rendered. */
export function StagePanel({ stage, db, viewer, ticket, progress, allUpdates = false }: Props) {
  switch (stage) {
    case "intake":
      return (
        <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr] [&>*]:min-w-0">
          <IntakeSummary ticket={ticket} canEdit={hasPermission(viewer.role, "tickets.work")} />
          <StageSummary ticketId={ticket.id} progress={progress} />
        </div>
      );
    case "scope":
      return <ScopeSection db={db} viewer={viewer} ticketId={ticket.id} primaryUpn={ticket.affectedUpn} tenantDomain={ticket.tenant.primaryDomain} isClosed={ticket.status === "CLOSED"} />;
    case "impact":
      return <ImpactSection db={db} viewer={viewer} ticket={ticket} />;
    case "checklist":
      return <div className="space-y-6"><ChecklistSection ticketId={ticket.id} upn={ticket.affectedUpn} /><CampaignSection ticketId={ticket.id} tenantDomain={ticket.tenant.primaryDomain} closed={ticket.status === "CLOSED"} /><TicketJobs ticketId={ticket.id} /></div>;
    case "resolution":
      return <ResolutionSection ticketId={ticket.id} />;
    case "prevention":
      return <PreventionSection ticketId={ticket.id} />;
    case "outcome":
      return <OutcomeStage db={db} viewer={viewer} ticket={ticket} progress={progress} />;
    case "updates":
      return <UpdatesStage db={db} viewer={viewer} ticket={ticket} showAll={allUpdates} />;
    case "timeline":
      return (
        <section aria-labelledby="timeline-heading" className="max-w-4xl space-y-3">
          <h2 id="timeline-heading" className="text-base font-semibold">Timeline</h2>
          <Timeline db={db} viewer={viewer} ticketId={ticket.id} />
        </section>
      );
  }
}
