import "server-only";
import type { Db } from "@/lib/db/create-client";
import { listAlertsSince, listRiskyUsersSince, type TenantAlertRead } from "@/lib/graph/alerts";
import type { TenantGraph } from "@/lib/graph/client";
import { listRiskDetectionsSince } from "@/lib/graph/risk-detections";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { isAppError } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { routeNewAlerts } from "./open-tickets";
import { mapSeverity } from "./plan";

// One poll of a tenant's alert sources. Each source keeps a cursor (AlertCursor.readUntil). A
// poll reads from the cursor minus an overlap window — alerts can become listable some time after
// their createdDateTime, and our clock and Graph's differ — so nothing falls in a gap; what the
// overlap reads again is dropped by the unique (tenant, source, id) of TenantAlert, so nothing is
// taken twice, also after a restart. The cursor only moves forward, after the alerts are stored.
// A source Graph refuses with 403 (no licence, permission not granted) is "not available for
// this tenant": recorded on its cursor for the tenant page, and asked again only after
// UNAVAILABLE_RECHECK_MS, so a tenant without Entra ID P1/P2 is not an error every minute.

/** Alerts listable up to this long after their time are still caught. */
export const OVERLAP_MS = 15 * 60_000;
/** A tenant's first poll looks this far back. */
export const FIRST_LOOKBACK_MS = 24 * 3600_000;

/** How long a source found unavailable is left alone before the poll asks Graph again. */
export const UNAVAILABLE_RECHECK_MS = 60 * 60_000;

type Read = { items: TenantAlertRead[]; truncated: boolean };
const whole = (items: TenantAlertRead[]): Read => ({ items, truncated: false });
// Defender's read between Identity Protection's two: it allows 1 request per second per tenant.
const SOURCES = {
  riskDetections: listRiskDetectionsSince,
  alerts_v2: (g: TenantGraph, since: Date) => listAlertsSince(g, since).then(whole),
  riskyUsers: (g: TenantGraph, since: Date) => listRiskyUsersSince(g, since).then(whole),
} as const satisfies Record<string, (g: TenantGraph, since: Date) => Promise<Read>>;
export type AlertSource = keyof typeof SOURCES;
type Source = AlertSource;

/** skipped: sources that failed this time; unavailable: sources the tenant cannot give (AlertCursor.unavailableReason). */
export type PollResult = {
  read: number;
  stored: number;
  attached: number;
  opened: number;
  suggested: number;
  skipped: string[];
  unavailable: AlertSource[];
};

async function readSource(
  db: Db,
  g: TenantGraph,
  tenantId: string,
  source: Source,
  now: Date,
): Promise<{ stored: string[]; read: number; unavailable?: string }> {
  const cursor = await db.alertCursor.findUnique({ where: { tenantId_source: { tenantId, source } } });
  if (cursor?.unavailableAt && now.getTime() - cursor.unavailableAt.getTime() < UNAVAILABLE_RECHECK_MS)
    return { stored: [], read: 0, unavailable: cursor.unavailableReason ?? "Not available for this tenant." };
  const since = new Date(cursor ? cursor.readUntil.getTime() - OVERLAP_MS : now.getTime() - FIRST_LOOKBACK_MS);
  let read: Read;
  try {
    read = await SOURCES[source](g, since);
  } catch (error) {
    if (!isAppError(error) || error.details?.graphStatus !== 403) throw error;
    const unavailable = { unavailableReason: error.message, unavailableAt: now };
    // The cursor keeps its place: once the tenant can give the source, reading resumes from there.
    await db.alertCursor.upsert({
      where: { tenantId_source: { tenantId, source } },
      create: { tenantId, source, readUntil: new Date(since.getTime() + OVERLAP_MS), ...unavailable },
      update: unavailable,
    });
    return { stored: [], read: 0, unavailable: error.message };
  }
  const { items, truncated } = read;
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
  // Cut short, the listing may have left out older items than it returned (no order is
  // promised): the cursor stays, and the next poll reads the window again (the ids dedupe it).
  const newest = truncated
    ? (cursor?.readUntil.getTime() ?? since.getTime() + OVERLAP_MS)
    : Math.max(...items.map((a) => a.raisedAt.getTime()), cursor?.readUntil.getTime() ?? 0, now.getTime() - OVERLAP_MS);
  if (truncated) getLogger().warn({ tenantId, source, read: items.length }, "alert source listing cut short; cursor kept");
  const fields = { readUntil: new Date(newest), unavailableReason: null, unavailableAt: null };
  await db.alertCursor.upsert({
    where: { tenantId_source: { tenantId, source } },
    create: { tenantId, source, ...fields },
    update: fields,
  });
  return { stored: stored.map((s) => s.id), read: items.length };
}

export async function pollTenantAlerts(db: Db, tenantId: string, deps: { graph?: TenantGraph; now?: Date } = {}): Promise<PollResult> {
  const result: PollResult = { read: 0, stored: 0, attached: 0, opened: 0, suggested: 0, skipped: [], unavailable: [] };
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { disconnectedAt: true } });
  const mode = (await db.tenantAlertSetting.findUnique({ where: { tenantId } }))?.mode ?? "SUGGEST";
  if (!tenant || tenant.disconnectedAt || mode === "OFF") return result;
  const graph = deps.graph ?? (await getTenantGraph(db, tenantId));
  const now = deps.now ?? new Date();
  const fresh: string[] = [];
  for (const source of Object.keys(SOURCES) as Source[]) {
    try {
      const { stored, read, unavailable } = await readSource(db, graph, tenantId, source, now);
      fresh.push(...stored);
      result.read += read;
      if (unavailable) result.unavailable.push(source);
    } catch (error) {
      // A source Graph cannot answer now (throttled, down) does not stop the others; the next poll tries again.
      if (!isAppError(error) || !["UPSTREAM_ERROR", "UPSTREAM_UNAVAILABLE", "FORBIDDEN"].includes(error.code)) throw error;
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
