import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeverityBadge, StatusBadge } from "@/components/ticket-badges";
import { Alert } from "@/components/ui/alert";
import { hasPermission } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { formatTicketNumber } from "@/lib/tickets/format";
import { findOpenDuplicates, getTicketOrThrow, listComments } from "@/lib/tickets/queries";
import { ChecklistSection } from "./checklist/checklist-section";
import { listAttachments } from "@/lib/attachments/service";
import { AttachmentsList } from "./attachments-list";
import { CommentForm } from "./comment-form";
import { UploadEvidenceForm } from "./upload-evidence-form";
import { CommentThread } from "./comment-thread";
import { IntakeSummary } from "./intake-summary";
import { ReportNotice } from "./report-notice";
import { PreventionSection } from "./prevention/prevention-section";
import { ResolutionSection } from "./resolution/resolution-section";
import { getStageProgress } from "@/lib/workflow/progress-query";
import { ImpactSection } from "./stages/impact-section";
import { ScopeSection } from "./stages/scope-section";
import { Timeline } from "./workflow/timeline";
import { WorkflowPanel } from "./workflow/workflow-panel";

export const dynamic = "force-dynamic";

// The seed report's stages, with the key of their progress (lib/workflow/progress.ts).
const STAGES = [
  ["intake", "Intake", "intake"],
  ["scope", "Scope", "scope"],
  ["impact", "Business impact", "impact"],
  ["checklist", "Troubleshooting", "checklist"],
  ["resolution", "Resolution", "resolution"],
  ["prevention", "Prevention", "prevention"],
  ["outcome", "Outcome", "outcome"],
  ["updates", "Updates", null],
] as const;
export const metadata: Metadata = { title: "Ticket" };

export default async function TicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const { ticketId } = await params;
  const viewer = await authorizePage("tickets.read", `/tickets/${ticketId}`);
  const db = await getDb();
  const ticket = await getTicketOrThrow(db, viewer, ticketId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [comments, duplicates, attachments, progress] = await Promise.all([
    listComments(db, viewer, ticket.id),
    findOpenDuplicates(db, viewer, ticket),
    listAttachments(db, viewer, ticket.id),
    getStageProgress(db, ticket),
  ]);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/tickets" className="text-sm text-muted-foreground hover:underline">← Tickets</Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">
            <span className="font-mono">{formatTicketNumber(ticket.number)}</span> · {ticket.title}
          </h1>
          <StatusBadge status={ticket.status} />
          <SeverityBadge severity={ticket.severity} />
        </div>
      </div>
      <ReportNotice db={db} viewer={viewer} ticket={{ id: ticket.id, status: ticket.status, reviewStatus: ticket.reviewStatus }} />
      {duplicates.length > 0 && (
        <Alert variant="warning">
          Possible duplicate: {duplicates.length === 1 ? "another open incident exists" : "other open incidents exist"} for{" "}
          {ticket.affectedUpn}:{" "}
          {duplicates.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ", "}
              <Link href={`/tickets/${d.id}`} className="font-mono underline">{formatTicketNumber(d.number)}</Link>
            </span>
          ))}
        </Alert>
      )}
      <nav aria-label="Stages" className="flex flex-wrap gap-2 text-sm">
        {STAGES.map(([id, label, stage]) => {
          const p = stage ? progress[stage] : undefined;
          return (
            <a key={id} href={`#${id}`} title={p?.detail} className="rounded-md border px-3 py-1 hover:bg-muted">
              {label}
              {p && <span className={p.state === "Done" ? "text-success" : p.state === "In progress" ? "text-warning" : "text-muted-foreground"}> · {p.state}</span>}
            </a>
          );
        })}
      </nav>
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <div id="intake" className="scroll-mt-4">
          <IntakeSummary ticket={ticket} canEdit={hasPermission(viewer.role, "tickets.work")} />
        </div>
        <section id="updates" aria-labelledby="comments-heading" className="scroll-mt-4 space-y-4">
          <h2 id="comments-heading" className="text-base font-semibold">Updates and notes</h2>
          <CommentThread comments={comments} />
          <CommentForm
            ticketId={ticket.id}
            canWriteInternal={hasPermission(viewer.role, "comments.writeInternal")}
            canWritePublic={hasPermission(viewer.role, "comments.writePublic")}
          />
          <h3 className="pt-2 text-sm font-semibold">Evidence</h3>
          <AttachmentsList rows={attachments} />
          {hasPermission(viewer.role, "comments.writePublic") && ticket.status !== "CLOSED" && (
            <UploadEvidenceForm ticketId={ticket.id} canChooseVisibility={hasPermission(viewer.role, "comments.writeInternal")} />
          )}
          {ticket.status === "CLOSED" && <p className="text-xs text-muted-foreground">The ticket is closed: no more evidence can be attached. Updates can still be posted.</p>}
        </section>
      </div>
      <div id="scope" className="grid scroll-mt-4 gap-6 lg:grid-cols-2">
        <ScopeSection db={db} viewer={viewer} ticketId={ticket.id} primaryUpn={ticket.affectedUpn} isClosed={ticket.status === "CLOSED"} />
        <div id="impact" className="scroll-mt-4">
          <ImpactSection db={db} viewer={viewer} ticket={ticket} />
        </div>
      </div>
      <div id="checklist" className="scroll-mt-4">
        <ChecklistSection ticketId={ticket.id} upn={ticket.affectedUpn} />
      </div>
      <div id="resolution" className="scroll-mt-4">
        <ResolutionSection ticketId={ticket.id} />
      </div>
      <div id="prevention" className="scroll-mt-4">
        <PreventionSection ticketId={ticket.id} />
      </div>
      <div id="outcome" className="grid scroll-mt-4 gap-6 lg:grid-cols-2">
        <WorkflowPanel db={db} viewer={viewer} ticket={ticket} progress={progress} />
        <section aria-labelledby="timeline-heading" className="space-y-3">
          <h2 id="timeline-heading" className="text-base font-semibold">Timeline</h2>
          <Timeline db={db} viewer={viewer} ticketId={ticket.id} />
        </section>
      </div>
    </div>
  );
}
