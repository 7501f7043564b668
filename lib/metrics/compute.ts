import type { Severity } from "@/generated/prisma/enums";
import { slaBreached } from "@/lib/tickets/sla";
import { dwellHours } from "@/lib/investigation/dwell";

// Manager metrics over a period, from ticket facts. Pure: no invented values — an average over
// nothing is null and shows as "—".

export type MetricTicket = {
  id: string;
  number: number;
  tenant: string;
  status: string;
  severity: Severity;
  createdAt: Date;
  firstResponseAt: Date | null;
  containedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** The first successful suspicious sign-in: where dwell time starts (lib/investigation/dwell.ts). */
  firstSuspiciousAt: Date | null;
  /** Recipients of the unauthorized mail outside / inside the tenant's own domains. */
  recipients: number;
  internalRecipients: number;
  openPreventiveItems: number;
};

const HOUR = 3_600_000;

function average(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

const durations = (tickets: MetricTicket[], from: (t: MetricTicket) => Date | null, to: (t: MetricTicket) => Date | null) =>
  tickets.flatMap((t) => {
    const a = from(t);
    const b = to(t);
    return a && b ? [(b.getTime() - a.getTime()) / HOUR] : [];
  });

export function computeMetrics(tickets: MetricTicket[], now = new Date()) {
  const count = (key: (t: MetricTicket) => string) => {
    const m = new Map<string, number>();
    for (const t of tickets) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, n]) => ({ name, n }));
  };
  // A ticket counts once however many of its targets it missed.
  const breaches = tickets.filter((t) => {
    const b = slaBreached(t, now);
    return b.firstResponse || b.contain;
  }).length;
  return {
    total: tickets.length,
    open: tickets.filter((t) => t.status !== "CLOSED").length,
    closed: tickets.filter((t) => t.status === "CLOSED").length,
    byStatus: count((t) => t.status),
    byTenant: count((t) => t.tenant),
    hoursToFirstResponse: average(
      durations(
        tickets,
        (t) => t.createdAt,
        (t) => t.firstResponseAt,
      ),
    ),
    hoursToContain: average(
      durations(
        tickets,
        (t) => t.createdAt,
        (t) => t.containedAt,
      ),
    ),
    dwellHours: average(tickets.flatMap((t) => dwellHours(t.firstSuspiciousAt, t.containedAt) ?? [])),
    hoursToClose: average(
      durations(
        tickets,
        (t) => t.createdAt,
        (t) => t.closedAt,
      ),
    ),
    slaBreaches: breaches,
    recipientsAffected: tickets.reduce((n, t) => n + t.recipients, 0),
    internalRecipientsAffected: tickets.reduce((n, t) => n + t.internalRecipients, 0),
    openPreventiveItems: tickets.reduce((n, t) => n + t.openPreventiveItems, 0),
  };
}

export type Metrics = ReturnType<typeof computeMetrics>;
