import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { Section } from "@/components/ui/section";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { listReviewQueue, RECENT_DECISION_DAYS } from "@/lib/reports/review-queue";
import { formatTicketNumber } from "@/lib/tickets/format";
import { formatDateTime } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Report reviews" };
export const dynamic = "force-dynamic";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const DECISION = { APPROVED: ["Approved", "success"], RETURNED: ["Returned to the engineer", "danger"] } as const;

type Row = { id: string; number: number; title: string; tenant: { displayName: string }; assignee: { name: string } | null };
/** The cells both tables start with: the ticket, its tenant and its engineer. */
const ReportCells = ({ r }: { r: Row }) => (
  <>
    <TableCell>
      <Link href={`/reports/${r.id}`} className="text-primary hover:underline">
        {formatTicketNumber(r.number)} · {r.title}
      </Link>
    </TableCell>
    <TableCell>{r.tenant.displayName}</TableCell>
    <TableCell>{r.assignee?.name ?? "—"}</TableCell>
  </>
);

export default async function ReviewsPage() {
  const viewer = await authorizePage("reports.review", "/reviews");
  const { waiting, decided } = await listReviewQueue(await getDb(), viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Report reviews</h1>
      <Section id="waiting-heading" title={<>Waiting for review ({waiting.length})</>} className="space-y-2">
        {waiting.length === 0 ? (
          <EmptyState
            title="Nothing is waiting for review"
            description="A report appears here when an engineer closes a ticket or resubmits a returned report."
          />
        ) : (
          <DataTable
            caption={<>{plural(waiting.length, "report")} waiting for review, the longest waiting first.</>}
            columns={["Ticket", "Tenant", "Engineer", "Submitted", "Version"]}
          >
            {waiting.map((r) => (
              <TableRow key={r.id}>
                <ReportCells r={r} />
                <TableCell>{r.submittedAt ? formatDateTime(r.submittedAt) : "—"}</TableCell>
                <TableCell>{r.version ?? "—"}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </Section>
      <Section
        id="decided-heading"
        title={
          <>
            Decided in the last {RECENT_DECISION_DAYS} days ({decided.length})
          </>
        }
        className="space-y-2"
      >
        {decided.length === 0 ? (
          <p className="text-sm text-muted-foreground">No decisions in the last {RECENT_DECISION_DAYS} days.</p>
        ) : (
          <DataTable
            caption={
              <>
                {plural(decided.length, "report")} decided in the last {RECENT_DECISION_DAYS} days, the latest first; nothing here waits for
                you.
              </>
            }
            columns={["Ticket", "Tenant", "Engineer", "Decision", "Decided"]}
          >
            {decided.map((r) => {
              const [label, variant] = DECISION[r.decision as keyof typeof DECISION] ?? [r.decision, "neutral"];
              return (
                <TableRow key={r.id}>
                  <ReportCells r={r} />
                  <TableCell>
                    <Badge variant={variant}>{label}</Badge> <span className="text-xs text-muted-foreground">version {r.version}</span>
                    {r.status !== "CLOSED" && <span className="ml-2 text-xs text-muted-foreground">ticket reopened</span>}
                  </TableCell>
                  <TableCell>
                    {formatDateTime(r.decidedAt)} by {r.reviewer}
                  </TableCell>
                </TableRow>
              );
            })}
          </DataTable>
        )}
      </Section>
    </div>
  );
}
