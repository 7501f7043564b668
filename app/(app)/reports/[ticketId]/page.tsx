import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { hasPermission } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getReportForViewer } from "@/lib/reports/review";
import { formatDateTime } from "@/lib/utils/dates";
import { ReportDiffView } from "./report-diff-view";
import { ReviewForm } from "./review-form";

export const metadata: Metadata = { title: "Incident report" };
export const dynamic = "force-dynamic";

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ ticketId: string }>;
  searchParams: Promise<{ version?: string; diff?: string }>;
}) {
  const { ticketId } = await params;
  const query = await searchParams;
  const viewer = await authorizePage("reports.read", `/reports/${ticketId}`);
  const data = await getReportForViewer(await getDb(), viewer, ticketId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { ticket, versions, latestVersion } = data;
  const shown = versions.find((v) => String(v.version) === query.version) ?? versions[0]!;
  const previous = versions.find((v) => v.version === shown.version - 1);
  const isLatest = shown.version === latestVersion;
  const canReview =
    hasPermission(viewer.role, "reports.review") && ticket.status === "CLOSED" && ticket.reviewStatus === "IN_REVIEW" && isLatest;
  // A tenant admin reads the approved version, whatever the ticket is doing now.
  const review = viewer.role === "TENANT_ADMIN" ? "APPROVED" : isLatest ? ticket.reviewStatus : (shown.reviews.at(-1)?.decision ?? "NONE");
  const reviews = versions
    .flatMap((v) => v.reviews.map((r) => ({ ...r, version: v.version })))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{shown.content.title}</h1>
        <Badge variant={review === "APPROVED" ? "success" : review === "RETURNED" ? "danger" : "warning"}>
          Version {shown.version} review: {review === "NONE" ? "not submitted" : review.toLowerCase().replace("_", " ")}
        </Badge>
      </div>
      {!isLatest && viewer.role !== "TENANT_ADMIN" && (
        <p className="text-sm text-muted-foreground">
          An older version.{" "}
          <Link href={`/reports/${ticket.id}`} className="text-primary hover:underline">
            Open the latest (version {latestVersion})
          </Link>
        </p>
      )}
      <nav aria-label="Report versions" className="flex flex-wrap items-center gap-3 text-sm">
        {versions.map((v) => (
          <Link
            key={v.id}
            href={`/reports/${ticket.id}?version=${v.version}`}
            aria-current={v === shown ? "page" : undefined}
            className={v === shown ? "font-semibold" : "text-primary hover:underline"}
          >
            Version {v.version} ({formatDateTime(v.createdAt)})
          </Link>
        ))}
        {previous && (
          <Link href={`/reports/${ticket.id}?version=${shown.version}&diff=1`} className="text-primary hover:underline">
            Changes from version {previous.version}
          </Link>
        )}
        <a href={`/api/reports/${ticket.id}/pdf?version=${shown.version}`} className="text-primary hover:underline">
          Download PDF
        </a>
        <a href={`/api/reports/${ticket.id}/markdown?version=${shown.version}`} className="text-primary hover:underline">
          Download Markdown
        </a>
        <Link href={`/tickets/${ticket.id}`} className="text-primary hover:underline">
          Ticket
        </Link>
      </nav>
      {query.diff && previous ? (
        <ReportDiffView previous={previous.markdown} next={shown.markdown} previousVersion={previous.version} nextVersion={shown.version} />
      ) : (
        <Card>
          <CardContent className="space-y-4 pt-6">
            <p className="text-sm italic text-muted-foreground">{shown.content.subtitle}</p>
            {shown.content.sections.map((s) => (
              <section key={s.heading} aria-label={s.heading}>
                <h2 className="font-semibold">{s.heading}</h2>
                <ul className="list-disc space-y-0.5 pl-5 text-sm">
                  {s.lines.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              </section>
            ))}
          </CardContent>
        </Card>
      )}
      <section aria-label="Review history" className="space-y-1 text-sm">
        <h2 className="font-semibold">Review history</h2>
        {reviews.length === 0 ? (
          <p className="text-muted-foreground">No decision yet.</p>
        ) : (
          <ol className="space-y-1">
            {reviews.map((r) => (
              <li key={`${r.version}-${r.createdAt.toISOString()}`}>
                Version {r.version}: {r.decision.toLowerCase()} by {r.reviewer.name}, {formatDateTime(r.createdAt)}
                {r.comments ? ` — “${r.comments}”` : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
      {canReview && <ReviewForm ticketId={ticket.id} version={shown.version} />}
    </div>
  );
}
