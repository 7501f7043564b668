import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { JOBS_SCHEMA } from "./boss";
import type { JobRefs } from "./define-job";
import { attemptsOf, lastErrorOf, type JobState } from "./job-view";

// The listings read pg-boss's tables through Prisma (same database, PGlite or PostgreSQL): the
// live jobs and the archive (finished jobs older than a day, kept 30 days), newest first.

export type JobRow = {
  id: string;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  refs: JobRefs;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Moved to the archive: read-only, no actions. */
  archived: boolean;
};

type RawRow = {
  id: string;
  name: string;
  state: JobState;
  retry_count: number;
  retry_limit: number;
  output: unknown;
  refs: JobRefs | null;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  archived: boolean;
};

const S = Prisma.raw(JOBS_SCHEMA);
const COLUMNS = Prisma.sql`id::text AS id, name, state::text AS state, retry_count, retry_limit, output, data->'refs' AS refs, created_on, started_on, completed_on`;
// pg-boss's own queues (the schedule relay) are not ours to show.
const OURS = Prisma.sql`name NOT LIKE '\\_\\_pgboss%'`;

function toRow(r: RawRow): JobRow {
  return {
    id: r.id,
    kind: r.name,
    state: r.state,
    attempts: attemptsOf({ retryCount: r.retry_count, startedOn: r.started_on }),
    maxAttempts: r.retry_limit + 1,
    lastError: lastErrorOf(r.state, r.output),
    refs: r.refs ?? {},
    createdAt: r.created_on,
    startedAt: r.started_on,
    finishedAt: r.completed_on,
    archived: r.archived,
  };
}

async function selectBoth(db: Db, where: Prisma.Sql, limit: number, includeArchive: boolean): Promise<JobRow[]> {
  const live = Prisma.sql`(SELECT ${COLUMNS}, false AS archived FROM ${S}.job WHERE ${where} ORDER BY created_on DESC, id DESC LIMIT ${limit})`;
  const query = includeArchive
    ? Prisma.sql`SELECT * FROM (${live} UNION ALL (SELECT ${COLUMNS}, true AS archived FROM ${S}.archive WHERE ${where} ORDER BY created_on DESC, id DESC LIMIT ${limit})) j
        ORDER BY created_on DESC, id DESC LIMIT ${limit}`
    : live;
  return (await db.$queryRaw<RawRow[]>(query)).map(toRow);
}

export type JobListFilters = { state?: JobState; kind?: string; cursor?: JobCursor };
/** The last row of a page: the next page starts after it. */
export type JobCursor = { createdAt: Date; id: string };

export const JOBS_PAGE_SIZE = 50;

/** Every job (platform admins), newest first, by state and kind, a page at a time. */
export async function listJobs(
  db: Db,
  filters: JobListFilters,
  limit = JOBS_PAGE_SIZE,
): Promise<{ rows: JobRow[]; next: JobCursor | null }> {
  const conditions = [OURS];
  if (filters.state) conditions.push(Prisma.sql`state = ${filters.state}::${S}.job_state`);
  if (filters.kind) conditions.push(Prisma.sql`name = ${filters.kind}`);
  if (filters.cursor) conditions.push(Prisma.sql`(created_on, id) < (${filters.cursor.createdAt}, ${filters.cursor.id}::uuid)`);
  // Unfinished jobs are never archived; a filter on them needs only the live table.
  const includeArchive = !filters.state || ["completed", "cancelled", "failed"].includes(filters.state);
  const rows = await selectBoth(db, Prisma.join(conditions, " AND "), limit + 1, includeArchive);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

/**
 * The jobs about one ticket, newest first. The caller must already have loaded the ticket
 * through the viewer's scoped query: this reads by ticket id alone.
 */
export async function listTicketJobs(db: Db, ticketId: string, limit = 20): Promise<JobRow[]> {
  return selectBoth(db, Prisma.sql`${OURS} AND data->'refs' ? 'ticketId' AND data->'refs'->>'ticketId' = ${ticketId}`, limit, true);
}

/** How many live jobs are in each state (the admin page's summary). */
export async function countJobsByState(db: Db): Promise<Record<JobState, number>> {
  const rows = await db.$queryRaw<
    { state: JobState; n: number }[]
  >`SELECT state::text AS state, count(*)::int AS n FROM ${S}.job WHERE ${OURS} GROUP BY state`;
  const counts: Record<JobState, number> = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}
