import "server-only";
import type { Db } from "@/lib/db/create-client";
import { listAlertsSince, listRiskyUsersSince, type TenantAlertRead } from "@/lib/graph/alerts";
import type { TenantGraph } from "@/lib/graph/client";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { isAppError } from "@/lib/errors";
import { routeNewAlerts } from "./open-tickets";
import { mapSeverity } from "./plan";

// One poll of a tenant's alert sources. Each source keeps a cursor (AlertCursor.readUntil). A
// poll reads from the cursor minus an overlap window — alerts can become listable some time after
// their createdDateTime, and our clock and Graph's differ — so nothing falls in a gap; what the
// overlap reads again is dropped by the unique (tenant, source, id) of TenantAlert, so nothing is
// taken twice, also after a restart. The cursor only moves forward, after the alerts are stored.

/** Alerts listable up to this long after their time are still caught. */
export const OVERLAP_MS = 15 * 60_000;
/** A tenant's first poll looks this far back. */
export const FIRST_LOOKBACK_MS = 24 * 3600_000;

const SOURCES = { alerts_v2: listAlertsSince, riskyUsers: listRiskyUsersSince } as const;
type Source = keyof typeof SOURCES;

export type PollResult = { read: number; stored: number; attached: number; opened: number; suggested: number; skipped: string[] };

async function readSource(
  db: Db,
  g: TenantGraph,
  tenantId: string,
  source: Source,
  now: Date,
): Promise<{ stored: string[]; read: number }> {
  const cursor = await db.alertCursor.findUnique({ where: { tenantId_source: { tenantId, source } } });
  const since = new Date(cursor ? cursor.readUntil.getTime() - OVERLAP_MS : now.getTime() - FIRST_LOOKBACK_MS);
  const items: TenantAlertRead[] = await SOURCES[source](g, since);
  const rows = items.flatMap((a) =>
    a.upns.map((upn) => ({
      tenantId,
      source,
      upn,
      title: a.title,
      severity: mapSeverity(source, a.severity),
      raisedAt: a.raisedAt,
      details: a.details,
      status: "SUGGESTED" as const,
      // An alert naming several accounts is kept once per account.
      externalId: a.upns.length > 1 ? `${a.externalId}#${upn}` : a.externalId,
    })),
  );
  const stored = rows.length ? await db.tenantAlert.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } }) : [];
  const newest = Math.max(...items.map((a) => a.raisedAt.getTime()), cursor?.readUntil.getTime() ?? 0, now.getTime() - OVERLAP_MS);
  await db.alertCursor.upsert({
    where: { tenantId_source: { tenantId, source } },
    create: { tenantId, source, readUntil: new Date(newest) },
    update: { readUntil: new Date(newest) },
  });
  return { stored: stored.map((s) => s.id), read: items.length };
}

export async function pollTenantAlerts(db: Db, tenantId: string, deps: { graph?: TenantGraph; now?: Date } = {}): Promise<PollResult> {
  const result: PollResult = { read: 0, stored: 0, attached: 0, opened: 0, suggested: 0, skipped: [] };
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { disconnectedAt: true } });
  const mode = (await db.tenantAlertSetting.findUnique({ where: { tenantId } }))?.mode ?? "SUGGEST";
  if (!tenant || tenant.disconnectedAt || mode === "OFF") return result;
  const graph = deps.graph ?? (await getTenantGraph(db, tenantId));
  const now = deps.now ?? new Date();
  const fresh: string[] = [];
  for (const source of Object.keys(SOURCES) as Source[]) {
    try {
      const { stored, read } = await readSource(db, graph, tenantId, source, now);
      fresh.push(...stored);
      result.read += read;
    } catch (error) {
      // A source the tenant cannot give (no P2 licence, permission not granted) does not stop the others.
      if (!isAppError(error) || !["UPSTREAM_ERROR", "FORBIDDEN"].includes(error.code)) throw error;
      result.skipped.push(`${source}: ${error.message}`);
    }
  }
  result.stored = fresh.length;
  // Every alert not yet on a ticket, not only this poll's: one stored by a poll that died before
  // routing it is routed now.
  const pending = await db.tenantAlert.findMany({ where: { tenantId, status: "SUGGESTED", ticketId: null }, select: { id: true } });
  if (pending.length === 0) return result;
  const routed = await routeNewAlerts(
    db,
    tenantId,
    pending.map((p) => p.id),
    mode === "AUTOMATIC",
  );
  result.attached = routed.attach.reduce((n, a) => n + a.alertIds.length, 0);
  result.opened = routed.opened.length;
  result.suggested = mode === "AUTOMATIC" ? 0 : pending.length - result.attached;
  return result;
}
