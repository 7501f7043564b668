import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { getLatestReview } from "@/lib/reports/review";
import { ResubmitButton } from "./resubmit-button";

/** Where the closed ticket's report stands; a manager's return comments are shown to the engineer. */
export async function ReportNotice({ db, viewer, ticket }: { db: Db; viewer: Viewer; ticket: { id: string; status: string; reviewStatus: string } }) {
  if (ticket.reviewStatus === "NONE") return null;
  const review = await getLatestReview(db, viewer, ticket.id);
  const canSeeReport = viewer.role !== "TENANT_ADMIN" || ticket.reviewStatus === "APPROVED";
  return (
    <Alert variant={ticket.reviewStatus === "RETURNED" ? "warning" : ticket.reviewStatus === "APPROVED" ? "success" : "info"}>
      <span className="font-medium">Incident report: {ticket.reviewStatus === "IN_REVIEW" ? "waiting for manager review" : ticket.reviewStatus.toLowerCase()}.</span>{" "}
      {review?.decision === "RETURNED" && ticket.reviewStatus === "RETURNED" && <span>Returned by {review.reviewer.name}: “{review.comments}”. </span>}
      {canSeeReport && <Link href={`/reports/${ticket.id}`} className="underline">Open the report</Link>}
      {ticket.reviewStatus === "RETURNED" && ticket.status === "CLOSED" && viewer.role !== "TENANT_ADMIN" && viewer.role !== "MANAGER" && <ResubmitButton ticketId={ticket.id} />}
    </Alert>
  );
}
