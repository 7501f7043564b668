import type { Metadata } from "next";
import Link from "next/link";
import { RefreshWhileActive } from "@/components/jobs/refresh-while-active";
import { EmptyState } from "@/components/ui/empty-state";
import { JOB_KIND_LABELS } from "@/jobs/registry";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { JOB_STATE_LABELS, JOB_STATES, UNFINISHED_STATES } from "@/lib/jobs/job-view";
import { countJobsByState, listJobs } from "@/lib/jobs/queries";
import { encodeJobCursor, ZJobListQuery } from "@/lib/jobs/schemas";
import { JobFilters } from "./job-filters";
import { JobTable } from "./job-table";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function JobsPage({ searchParams }: { searchParams: SearchParams }) {
  await authorizePage("jobs.manage", "/admin/jobs");
  const raw = await searchParams;
  const query = ZJobListQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const db = await getDb();
  const [{ rows, next }, counts] = await Promise.all([
    listJobs(db, { state: query.state, kind: query.kind, cursor: query.before }),
    countJobsByState(db),
  ]);
  const kinds = Object.entries(JOB_KIND_LABELS).map(([name, label]) => ({ name, label }));
  const filtered = Boolean(query.state || query.kind);
  const params = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...(query.state ? { state: query.state } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...extra,
    }).toString();

  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">Jobs</h1>
      <p className="text-sm text-muted-foreground">
        Background work on the job queue, newest first.{" "}
        {JOB_STATES.filter((s) => counts[s] > 0)
          .map((s) => `${JOB_STATE_LABELS[s]}: ${counts[s]}`)
          .join(" · ") || "Nothing in the live queue."}
      </p>
      <JobFilters query={query} kinds={kinds} />
      <RefreshWhileActive active={rows.some((r) => UNFINISHED_STATES.includes(r.state))} />
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No jobs match these filters" : "No jobs yet"}
          description={
            filtered
              ? "Clear the filters to see every job."
              : "Jobs appear here once work is queued (the housekeeping job runs every hour)."
          }
        />
      ) : (
        <JobTable rows={rows} labels={JOB_KIND_LABELS} />
      )}
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {query.before && (
          <Link href={`/admin/jobs?${params({})}`} className="text-primary hover:underline">
            ← Newest
          </Link>
        )}
        {next && (
          <Link href={`/admin/jobs?${params({ before: encodeJobCursor(next) })}`} className="text-primary hover:underline">
            Older jobs →
          </Link>
        )}
      </nav>
    </div>
  );
}
