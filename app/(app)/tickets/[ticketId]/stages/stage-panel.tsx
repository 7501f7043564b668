import type { TicketStageId } from "@/lib/workflow/stages";
import { TicketJobs } from "@/jobs/ticket-jobs";
import { CampaignSection } from "../campaign/campaign-section";
import { ChecklistSection } from "../checklist/checklist-section";
import { IntakeSummary } from "../intake/intake-summary";
import { PreventionSection } from "../prevention/prevention-section";
import { ResolutionSection } from "../resolution/resolution-section";
import { UpdatesStage } from "../updates/updates-stage";
import { OutcomeStage } from "../outcome/outcome-stage";
import { Timeline } from "../timeline/timeline";
import { ImpactSection } from "../impact/impact-section";
import { ScopeSection } from "../scope/scope-section";
import type { StageProps } from "../stage-props";
import { StageSummary } from "./stage-summary";

type Props = StageProps & {
  stage: TicketStageId;
  progress: Record<string, { state: string; detail: string }>;
  /** Updates stage: every comment, not only the latest (?updates=all). */
  allUpdates?: boolean;
};

/** The open stage only: the others' components, and their queries, are not rendered. */
export function StagePanel({ stage, progress, allUpdates = false, ...props }: Props) {
  const { ticket, can } = props;
  switch (stage) {
    case "intake":
      return (
        <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr] [&>*]:min-w-0">
          <IntakeSummary ticket={ticket} canEdit={can.work} />
          <StageSummary ticketId={ticket.id} progress={progress} />
        </div>
      );
    case "scope":
      return <ScopeSection {...props} />;
    case "impact":
      return <ImpactSection {...props} />;
    case "checklist":
      return (
        <div className="space-y-6">
          <ChecklistSection {...props} />
          <CampaignSection ticketId={ticket.id} tenantDomain={ticket.tenant.primaryDomain} closed={ticket.status === "CLOSED"} />
          <TicketJobs ticketId={ticket.id} />
        </div>
      );
    case "resolution":
      return <ResolutionSection {...props} />;
    case "prevention":
      return <PreventionSection {...props} />;
    case "outcome":
      return <OutcomeStage {...props} progress={progress} />;
    case "updates":
      return <UpdatesStage {...props} showAll={allUpdates} />;
    case "timeline":
      return (
        <section aria-labelledby="timeline-heading" className="max-w-4xl space-y-3">
          <h2 id="timeline-heading" className="text-base font-semibold">
            Timeline
          </h2>
          <Timeline db={props.db} viewer={props.viewer} ticketId={ticket.id} />
        </section>
      );
  }
}
