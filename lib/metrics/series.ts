import { slaReadings } from "@/lib/tickets/sla";
import type { MetricTicket } from "./compute";

// The dashboard's chart data, from the same tickets as its figures. Pure and tested; the charts
// and their tables only draw what these return.

const DAY = 86_400_000;
export const STATUS_ORDER = ["NEW", "TRIAGED", "CONTAINED", "RESOLVED", "REOPENED", "CLOSED"] as const;

export type TimeBucket = { label: string; start: Date; counts: Record<string, number>; total: number };

/** Buckets of the period: days up to 45 days, ISO weeks (from Monday) up to 26 weeks, else months. */
export function periodBuckets(period: { from: Date; to: Date }): { unit: "day" | "week" | "month"; starts: Date[] } {
  const days = Math.ceil((period.to.getTime() - period.from.getTime()) / DAY);
  const unit = days <= 45 ? "day" : days <= 26 * 7 ? "week" : "month";
  const first = new Date(period.from);
  first.setUTCHours(0, 0, 0, 0);
  if (unit === "week") first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  if (unit === "month") first.setUTCDate(1);
  const starts: Date[] = [];
  for (let d = first; d <= period.to; d = new Date(d)) {
    starts.push(new Date(d));
    if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (unit === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return { unit, starts };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const label = (d: Date, unit: "day" | "week" | "month") =>
  unit === "month"
    ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    : `${unit === "week" ? "week of " : ""}${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;

/** Incidents reported per bucket, split by their current status. */
export function incidentsOverTime(tickets: MetricTicket[], period: { from: Date; to: Date }): { unit: string; buckets: TimeBucket[] } {
  const { unit, starts } = periodBuckets(period);
  const buckets = starts.map((start) => ({ label: label(start, unit), start, counts: {} as Record<string, number>, total: 0 }));
  for (const t of tickets) {
    const i = starts.findLastIndex((s) => s.getTime() <= t.createdAt.getTime());
    const b = buckets[i];
    if (!b) continue;
    b.counts[t.status] = (b.counts[t.status] ?? 0) + 1;
    b.total += 1;
  }
  return { unit, buckets };
}

/** How a bucket is named inside a sentence: "on 30 Nov", "in the week of 24 Nov", "in Nov 2026". */
export function bucketPhrase(label: string, unit: string): string {
  return unit === "day" ? `on ${label}` : unit === "week" ? `in the ${label}` : `in ${label}`;
}

const joinAnd = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** The incidents chart in one sentence: how many, over how long, and when most were reported (ties named, up to three). */
export function incidentsSummary(unit: string, buckets: TimeBucket[]): string {
  const total = buckets.reduce((n, b) => n + b.total, 0);
  if (total === 0) return "No incidents were reported in this period.";
  const most = Math.max(...buckets.map((b) => b.total));
  const busiest = buckets.filter((b) => b.total === most);
  const span = `${buckets.length} ${unit}${buckets.length === 1 ? "" : "s"}`;
  const head = `${total} incident${total === 1 ? "" : "s"} in ${span}`;
  if (buckets.length === 1) return `${head}.`;
  if (busiest.length === buckets.length) return `${head}, ${most} each ${unit}.`;
  if (busiest.length > 3) return `${head}; the most in one ${unit}: ${most}, in ${busiest.length} ${unit}s.`;
  const when = unit === "day" ? `on ${joinAnd(busiest.map((b) => b.label))}` : joinAnd(busiest.map((b) => bucketPhrase(b.label, unit)));
  return `${head}; the most (${most}) ${when}.`;
}

/** Share of the severity's target that a stopped clock used: ≤ 100 % is within the SLA. */
export const SLA_BANDS = [
  { label: "≤ 25 %", upTo: 0.25 },
  { label: "25–50 %", upTo: 0.5 },
  { label: "50–75 %", upTo: 0.75 },
  { label: "75–100 %", upTo: 1 },
  { label: "100–150 %", upTo: 1.5 },
  { label: "150–200 %", upTo: 2 },
  { label: "> 200 %", upTo: Infinity },
] as const;

export type SlaDistribution = {
  bands: { label: string; n: number; withinTarget: boolean }[];
  /** Stopped clocks within / beyond the target. */
  met: number;
  breached: number;
  /** Still open: within the target so far, or already past it. */
  running: number;
  overdue: number;
  /** Resolved without the clock's event (containment of a false positive). */
  notApplicable: number;
};

/** How the period's tickets did against one SLA: final durations by share of target; open ones counted apart. */
export function slaDistribution(tickets: MetricTicket[], which: "firstResponse" | "contain", now = new Date()): SlaDistribution {
  const out: SlaDistribution = {
    bands: SLA_BANDS.map((b) => ({ label: b.label, n: 0, withinTarget: b.upTo <= 1 })),
    met: 0,
    breached: 0,
    running: 0,
    overdue: 0,
    notApplicable: 0,
  };
  for (const t of tickets) {
    const clock = slaReadings(t, now)[which];
    if (!clock) out.notApplicable += 1;
    else if (!clock.stopped) out[clock.state === "breached" ? "overdue" : "running"] += 1;
    else {
      out[clock.state === "met" ? "met" : "breached"] += 1;
      const share = clock.elapsedMs / clock.targetMs;
      out.bands[SLA_BANDS.findIndex((b) => share <= b.upTo)]!.n += 1;
    }
  }
  return out;
}

/** Per tenant: incidents still open and closed ones, largest first. */
export function tenantOpenClosed(tickets: MetricTicket[]): { tenant: string; open: number; closed: number }[] {
  const m = new Map<string, { tenant: string; open: number; closed: number }>();
  for (const t of tickets) {
    const row = m.get(t.tenant) ?? { tenant: t.tenant, open: 0, closed: 0 };
    if (t.status === "CLOSED") row.closed += 1;
    else row.open += 1;
    m.set(t.tenant, row);
  }
  return [...m.values()].sort((a, b) => b.open + b.closed - (a.open + a.closed) || a.tenant.localeCompare(b.tenant));
}
