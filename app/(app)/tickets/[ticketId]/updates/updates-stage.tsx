import Link from "next/link";
import { listAttachments } from "@/lib/attachments/service";
import { listComments } from "@/lib/tickets/queries";
import type { StageProps } from "../stage-props";
import { AttachmentsList } from "./attachments-list";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { UploadEvidenceForm } from "./upload-evidence-form";
import { Section } from "@/components/ui/section";

/** Public updates and internal notes, and the evidence files. */
export async function UpdatesStage({ db, viewer, ticket, can, showAll }: StageProps & { showAll: boolean }) {
  const [{ comments, total }, attachments] = await Promise.all([
    listComments(db, viewer, ticket.id, { all: showAll }),
    listAttachments(db, viewer, ticket.id),
  ]);
  const closed = ticket.status === "CLOSED";
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr] [&>*]:min-w-0">
      <Section id="comments-heading" title="Updates and notes" className="space-y-4">
        {total > comments.length && (
          <p className="text-sm">
            Showing the latest {comments.length} of {total} updates.{" "}
            <Link href={`/tickets/${ticket.id}?stage=updates&updates=all`} className="text-primary hover:underline">
              Show all {total}
            </Link>
          </p>
        )}
        <CommentThread comments={comments} />
        <CommentForm
          ticketId={ticket.id}
          canWriteInternal={can.writeInternal}
          canWritePublic={can.writePublic}
          responded={Boolean(ticket.firstResponseAt)}
        />
      </Section>
      <Section id="evidence-heading" title="Evidence">
        <AttachmentsList rows={attachments} />
        {can.writePublic && !closed && <UploadEvidenceForm ticketId={ticket.id} canChooseVisibility={can.writeInternal} />}
        {closed && (
          <p className="text-xs text-muted-foreground">
            The ticket is closed: no more evidence can be attached. Updates can still be posted.
          </p>
        )}
      </Section>
    </div>
  );
}
