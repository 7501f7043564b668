import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { summarizeCampaigns } from "@/lib/campaigns/queries";
import type { Db } from "@/lib/db/create-client";
import type { MetricTicket } from "./compute";

/** Tickets reported in the period (both ends included), with what the metrics need. */
export async function loadMetricTickets(db: Db, viewer: Viewer, period: { from: Date; to: Date }): Promise<MetricTicket[]> {
  assertCan(viewer, "dashboard.view");
  const rows = await db.ticket.findMany({
    where: { createdAt: { gte: period.from, lte: period.to } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      severity: true,
      createdAt: true,
      firstResponseAt: true,
      containedAt: true,
      firstSuspiciousAt: true,
      resolvedAt: true,
      closedAt: true,
      tenant: { select: { displayName: true } },
      recipientDomains: { select: { isInternal: true, recipientCount: true } },
      _count: { select: { preventiveItems: { where: { status: { in: ["OPEN", "IN_PROGRESS"] } } } } },
    },
  });
  const sum = (domains: { isInternal: boolean; recipientCount: number }[], internal: boolean) =>
    domains.filter((d) => d.isInternal === internal).reduce((n, d) => n + d.recipientCount, 0);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    tenant: r.tenant.displayName,
    status: r.status,
    severity: r.severity,
    createdAt: r.createdAt,
    firstResponseAt: r.firstResponseAt,
    containedAt: r.containedAt,
    firstSuspiciousAt: r.firstSuspiciousAt,
    resolvedAt: r.resolvedAt,
    closedAt: r.closedAt,
    recipients: sum(r.recipientDomains, false),
    internalRecipients: sum(r.recipientDomains, true),
    openPreventiveItems: r._count.preventiveItems,
  }));
}

/** What the dashboard shows for a period, read once by the page. */
export async function loadDashboard(db: Db, viewer: Viewer, period: { from: Date; to: Date }) {
  const [tickets, campaigns] = await Promise.all([loadMetricTickets(db, viewer, period), summarizeCampaigns(db, viewer, period)]);
  return { tickets, campaigns };
}
