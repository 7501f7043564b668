import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { formatDateTime } from "@/lib/utils/dates";
import { listApprovalsAwaiting } from "@/lib/workflow/pending-approvals";
import { readTicketFacts } from "@/lib/workflow/ticket-facts";
import { stageHref } from "@/lib/workflow/stages";

/** Tells whoever may decide (the tenant admin above all) that a destructive step waits for them. */
export async function ApprovalNotice({ db, viewer, ticket }: { db: Db; viewer: Viewer; ticket: { id: string; affectedUpn: string } }) {
  const ticketId = ticket.id;
  // The ticket's facts (read once for the page) say whether anything waits at all.
  if ((await readTicketFacts(db, ticket.id, ticket.affectedUpn)).pendingApprovals === 0) return null;
  const waiting = await listApprovalsAwaiting(db, viewer, ticketId);
  if (waiting.length === 0) return null;
  return (
    <Alert variant="warning">
      <p>
        <span className="font-medium">
          {waiting.length === 1 ? "An approval is waiting for you" : `${waiting.length} approvals are waiting for you`}:
        </span>{" "}
        {waiting.map((a, i) => (
          <span key={a.id}>
            {i > 0 && "; "}“{a.step}”, asked by {a.requestedBy} {formatDateTime(a.createdAt)}
          </span>
        ))}
        .{" "}
        <Link href={stageHref(ticketId, "checklist", "checklist")} className="underline">
          Open Troubleshooting to approve or reject
        </Link>
      </p>
    </Alert>
  );
}
