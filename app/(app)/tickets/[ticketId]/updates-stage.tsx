import Link from "next/link";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { listAttachments } from "@/lib/attachments/service";
import type { Db } from "@/lib/db/create-client";
import { listComments, type TicketDetail } from "@/lib/tickets/queries";
import { AttachmentsList } from "./attachments-list";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { UploadEvidenceForm } from "./upload-evidence-form";

/** Public updates and internal notes, and the evidence files. */
export async function UpdatesStage({ db, viewer, ticket, showAll }: { db: Db; viewer: Viewer; ticket: TicketDetail; showAll: boolean }) {
  const [{ comments, total }, attachments] = await Promise.all([listComments(db, viewer, ticket.id, { all: showAll }), listAttachments(db, viewer, ticket.id)]);
  const closed = ticket.status === "CLOSED";
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr] [&>*]:min-w-0">
      <section aria-labelledby="comments-heading" className="space-y-4">
        <h2 id="comments-heading" className="text-base font-semibold">Updates and notes</h2>
        {total > comments.length && (
          <p className="text-sm">
            Showing the latest {comments.length} of {total} updates.{" "}
            <Link href={`/tickets/${ticket.id}?stage=updates&updates=all`} className="text-primary hover:underline">Show all {total}</Link>
          </p>
        )}
        <CommentThread comments={comments} />
        <CommentForm
          ticketId={ticket.id}
          canWriteInternal={hasPermission(viewer.role, "comments.writeInternal")}
          canWritePublic={hasPermission(viewer.role, "comments.writePublic")}
          responded={Boolean(ticket.firstResponseAt)}
        />
      </section>
      <section aria-labelledby="evidence-heading" className="space-y-3">
        <h2 id="evidence-heading" className="text-base font-semibold">Evidence</h2>
        <AttachmentsList rows={attachments} />
        {hasPermission(viewer.role, "comments.writePublic") && !closed && (
          <UploadEvidenceForm ticketId={ticket.id} canChooseVisibility={hasPermission(viewer.role, "comments.writeInternal")} />
        )}
        {closed && <p className="text-xs text-muted-foreground">The ticket is closed: no more evidence can be attached. Updates can still be posted.</p>}
      </section>
    </div>
  );
}
