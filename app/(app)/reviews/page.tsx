import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { listReviewQueue } from "@/lib/reports/review";
import { formatTicketNumber } from "@/lib/tickets/format";
import { formatDateTime } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Report reviews" };
export const dynamic = "force-dynamic";

export default async function ReviewsPage() {
  const viewer = await authorizePage("reports.review", "/reviews");
  const rows = await listReviewQueue(await getDb(), viewer);
  const waiting = rows.filter((r) => r.reviewStatus === "IN_REVIEW");
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">Report reviews</h1>
      {rows.length === 0 ? (
        <EmptyState title="No closed reports yet" description="Reports appear here when an engineer closes a ticket." />
      ) : (
        <Table>
          <TableCaption>{waiting.length} report{waiting.length === 1 ? "" : "s"} waiting for review</TableCaption>
          <TableHeader><TableRow><TableHead>Ticket</TableHead><TableHead>Tenant</TableHead><TableHead>Engineer</TableHead><TableHead>Closed</TableHead><TableHead>Review</TableHead></TableRow></TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell><Link href={`/reports/${r.id}`} className="text-primary hover:underline">{formatTicketNumber(r.number)} · {r.title}</Link></TableCell>
                <TableCell>{r.tenant.displayName}</TableCell>
                <TableCell>{r.assignee?.name ?? "—"}</TableCell>
                <TableCell>{r.closedAt ? formatDateTime(r.closedAt) : "—"}</TableCell>
                <TableCell><Badge variant={r.reviewStatus === "APPROVED" ? "success" : r.reviewStatus === "RETURNED" ? "danger" : "warning"}>{r.reviewStatus === "IN_REVIEW" ? "Waiting for review" : r.reviewStatus.toLowerCase()}</Badge>{r.status !== "CLOSED" && <span className="ml-2 text-xs text-muted-foreground">ticket reopened</span>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
