import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { MetricTicket } from "./compute";

/** Tickets reported in the period, with what the metrics need. */
export async function loadMetricTickets(db: Db, viewer: Viewer, period: { from: Date; to: Date }): Promise<MetricTicket[]> {
  assertCan(viewer, "dashboard.view");
  const rows = await db.ticket.findMany({
    where: { createdAt: { gte: period.from, lte: period.to } },
    orderBy: { number: "asc" },
    select: {
      id: true, number: true, status: true, severity: true, createdAt: true, firstResponseAt: true, containedAt: true, firstSuspiciousAt: true, closedAt: true,
      tenant: { select: { displayName: true } },
      recipientDomains: { where: { isInternal: false }, select: { recipientCount: true } },
      _count: { select: { preventiveItems: { where: { status: { in: ["OPEN", "IN_PROGRESS"] } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id, number: r.number, tenant: r.tenant.displayName, status: r.status, severity: r.severity, createdAt: r.createdAt, firstResponseAt: r.firstResponseAt,
    containedAt: r.containedAt, firstSuspiciousAt: r.firstSuspiciousAt, closedAt: r.closedAt,
    recipients: r.recipientDomains.reduce((n, d) => n + d.recipientCount, 0), openPreventiveItems: r._count.preventiveItems,
  }));
}

export function parsePeriod(params: { from?: string | null; to?: string | null }, now = new Date()) {
  const to = params.to && !Number.isNaN(Date.parse(params.to)) ? new Date(`${params.to.slice(0, 10)}T23:59:59.999Z`) : now;
  const from = params.from && !Number.isNaN(Date.parse(params.from)) ? new Date(`${params.from.slice(0, 10)}T00:00:00Z`) : new Date(to.getTime() - 30 * 86_400_000);
  return { from, to };
}
