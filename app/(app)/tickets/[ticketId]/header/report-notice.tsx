import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { getReportStanding } from "@/lib/reports/review";
import { stageHref } from "@/lib/workflow/stages";
import { readTicketFacts } from "@/lib/workflow/ticket-facts";
import { ResubmitButton } from "./resubmit-button";

/**
 * Where the ticket's report stands. A manager's return comments stay visible to the engineer
 * until a revised version is submitted — also while the ticket is reopened to change its data.
 */
export async function ReportNotice({
  db,
  viewer,
  canWork,
  ticket,
}: {
  db: Db;
  viewer: Viewer;
  canWork: boolean;
  ticket: { id: string; affectedUpn: string; status: string; reviewStatus: string };
}) {
  // Until the ticket is first closed it has no report: the page's facts say so without a read.
  if ((await readTicketFacts(db, ticket.id, ticket.affectedUpn)).reportVersions === 0) return null;
  const standing = await getReportStanding(db, viewer, ticket.id);
  if (standing.latestVersion === null) return null;
  const isTenantAdmin = viewer.role === "TENANT_ADMIN";
  if (isTenantAdmin) {
    if (standing.approvedVersion === null) return null;
    return (
      <Alert variant="success">
        <span className="font-medium">Incident report approved (version {standing.approvedVersion}).</span>{" "}
        <Link href={`/reports/${ticket.id}`} className="underline">
          Open the report
        </Link>
      </Alert>
    );
  }
  const review = standing.latestReview;
  const returned = ticket.reviewStatus === "RETURNED" && review?.decision === "RETURNED";
  const closed = ticket.status === "CLOSED";
  const headline =
    ticket.reviewStatus === "IN_REVIEW"
      ? `version ${standing.latestVersion} waiting for manager review`
      : returned
        ? `version ${review.reportVersion.version} returned`
        : ticket.reviewStatus === "APPROVED"
          ? `version ${standing.latestVersion} approved`
          : standing.approvedVersion !== null
            ? `version ${standing.approvedVersion} approved; the ticket was reopened`
            : "the ticket was reopened";
  return (
    <Alert variant={returned ? "warning" : ticket.reviewStatus === "APPROVED" ? "success" : "info"}>
      <p>
        <span className="font-medium">Incident report: {headline}.</span>{" "}
        <Link href={`/reports/${ticket.id}`} className="underline">
          Open the report
        </Link>
      </p>
      {returned && (
        <p className="mt-1">
          Returned by {review.reviewer.name}: “{review.comments}”
        </p>
      )}
      {returned && closed && canWork && (
        <p className="mt-1 text-sm">
          Revise the text in the{" "}
          <Link href={stageHref(ticket.id, "outcome", "outcome")} className="underline">
            Outcome
          </Link>{" "}
          stage, then resubmit. To change the ticket&apos;s data, reopen it: closing it again submits the new version.
          <ResubmitButton ticketId={ticket.id} />
        </p>
      )}
      {!closed && <p className="mt-1 text-sm">Closing the ticket again submits a new version for review.</p>}
    </Alert>
  );
}
