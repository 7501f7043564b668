import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { tenantAccessFor, ticketAccessFor } from "@/lib/auth/ticket-access";

// Alerts as the pages read them, scoped by the viewer.

export type SuggestionGroup = {
  tenantId: string;
  tenantName: string;
  alerts: { id: string; upn: string; title: string; severity: string; raisedAt: Date }[];
};

/** Suggested alerts (not yet on a ticket), by tenant, for the engineer's queue. */
export async function listAlertSuggestions(db: Db, viewer: Viewer, limit = 500): Promise<SuggestionGroup[]> {
  const rows = await db.tenantAlert.findMany({
    where: {
      status: "SUGGESTED",
      ticketId: null,
      tenantId: { in: (await db.tenant.findMany({ where: tenantAccessFor(viewer), select: { id: true } })).map((t) => t.id) },
    },
    orderBy: { raisedAt: "desc" },
    take: limit,
    select: { id: true, tenantId: true, upn: true, title: true, severity: true, raisedAt: true },
  });
  const names = new Map(
    (
      await db.tenant.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.tenantId))] } },
        select: { id: true, displayName: true },
      })
    ).map((t) => [t.id, t.displayName]),
  );
  const groups = new Map<string, SuggestionGroup>();
  for (const r of rows) {
    const g = groups.get(r.tenantId) ?? { tenantId: r.tenantId, tenantName: names.get(r.tenantId) ?? "", alerts: [] };
    g.alerts.push(r);
    groups.set(r.tenantId, g);
  }
  return [...groups.values()];
}

/** The alerts attached to a ticket as its evidence. */
export async function listTicketAlerts(db: Db, viewer: Viewer, ticketId: string) {
  return db.tenantAlert.findMany({
    where: {
      ticketId,
      tenantId: {
        in: (await db.ticket.findMany({ where: { AND: [{ id: ticketId }, ticketAccessFor(viewer)] }, select: { tenantId: true } })).map(
          (t) => t.tenantId,
        ),
      },
    },
    orderBy: { raisedAt: "asc" },
    select: { id: true, source: true, externalId: true, upn: true, title: true, severity: true, raisedAt: true, details: true },
  });
}

export async function getAlertMode(db: Db, tenantId: string): Promise<"AUTOMATIC" | "SUGGEST" | "OFF"> {
  return (await db.tenantAlertSetting.findUnique({ where: { tenantId } }))?.mode ?? "SUGGEST";
}

const SOURCE_LABELS: Record<string, string> = {
  alerts_v2: "Microsoft Defender alerts",
  riskDetections: "Identity Protection risk detections",
  riskyUsers: "Identity Protection risky users",
};

export type AlertSourceState = { source: string; label: string; readUntil: Date | null; unavailableReason: string | null };

/** Each alert source of a tenant (tenant page; tenants.manage): how far it was read, or why the tenant cannot give it. */
export async function getAlertSources(db: Db, tenantId: string): Promise<AlertSourceState[]> {
  const cursors = await db.alertCursor.findMany({ where: { tenantId } });
  return Object.entries(SOURCE_LABELS).map(([source, label]) => {
    const c = cursors.find((x) => x.source === source);
    return { source, label, readUntil: c?.readUntil ?? null, unavailableReason: c?.unavailableReason ?? null };
  });
}
