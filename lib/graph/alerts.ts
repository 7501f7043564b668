import type { TenantGraph } from "./client";
import { listAll } from "./request";

// What the alert poll reads (lib/alerts): Microsoft Defender XDR alerts (security/alerts_v2,
// learn.microsoft.com/graph/api/security-list-alerts_v2: SecurityAlert.Read.All, $filter on
// createdDateTime and lastUpdateDateTime with ge) and Identity Protection's risky users
// (learn.microsoft.com/graph/api/riskyuser-list: IdentityRiskyUser.Read.All, Entra ID P2,
// $filter on riskLastUpdatedDateTime). Domain code gets our types. Both permissions are already
// in the least-privilege table (operations.ts: listAlerts, getRiskyUser) and probed by the
// connection check; the risky-user listing runs as getRiskyUser, whose permission, licence and
// words it shares (a second probe of the same endpoint would only trip Identity Protection's
// 1 request per second). Risk detections: risk-detections.ts.

export type TenantAlertRead = {
  source: "alerts_v2" | "riskyUsers" | "riskDetections";
  externalId: string;
  upns: string[];
  title: string;
  severity: string;
  raisedAt: Date;
  details: Record<string, string | null>;
};

type AlertRow = {
  id: string;
  title?: string;
  severity?: string;
  status?: string;
  category?: string;
  serviceSource?: string;
  createdDateTime: string;
  lastUpdateDateTime?: string;
  evidence?: { "@odata.type"?: string; userAccount?: { userPrincipalName?: string | null } | null }[];
};
type RiskyUserRow = {
  id: string;
  userPrincipalName?: string;
  riskLevel?: string;
  riskState?: string;
  riskDetail?: string;
  riskLastUpdatedDateTime?: string;
};

const MAX_ALERTS = 5_000;

/** Alerts created or updated at or after `since` (an update of an older alert may name a new account). */
export async function listAlertsSince(g: TenantGraph, since: Date): Promise<TenantAlertRead[]> {
  const filter = encodeURIComponent(`createdDateTime ge ${since.toISOString()}`);
  const { items } = await listAll<AlertRow>(g, { op: "listAlerts", path: `/security/alerts_v2?$filter=${filter}&$top=500` }, MAX_ALERTS);
  return items.map((a) => ({
    source: "alerts_v2",
    externalId: a.id,
    upns: [
      ...new Set((a.evidence ?? []).map((e) => e.userAccount?.userPrincipalName?.toLowerCase()).filter((u): u is string => Boolean(u))),
    ],
    title: a.title ?? "Microsoft Defender alert",
    severity: a.severity ?? "unknown",
    raisedAt: new Date(a.createdDateTime),
    details: {
      status: a.status ?? null,
      category: a.category ?? null,
      serviceSource: a.serviceSource ?? null,
      lastUpdateDateTime: a.lastUpdateDateTime ?? null,
    },
  }));
}

/** Users whose risk changed at or after `since` and who are at risk now (one event per change: id + time). */
export async function listRiskyUsersSince(g: TenantGraph, since: Date): Promise<TenantAlertRead[]> {
  const filter = encodeURIComponent(`riskLastUpdatedDateTime ge ${since.toISOString()}`);
  const { items } = await listAll<RiskyUserRow>(
    g,
    { op: "getRiskyUser", path: `/identityProtection/riskyUsers?$filter=${filter}` },
    MAX_ALERTS,
  );
  return items
    .filter((u) => u.userPrincipalName && (u.riskState === "atRisk" || u.riskState === "confirmedCompromised") && u.riskLastUpdatedDateTime)
    .map((u) => ({
      source: "riskyUsers",
      externalId: `${u.id}@${u.riskLastUpdatedDateTime}`,
      upns: [u.userPrincipalName!.toLowerCase()],
      title: `Identity Protection: user at ${u.riskLevel ?? "unknown"} risk`,
      severity: u.riskLevel ?? "unknown",
      raisedAt: new Date(u.riskLastUpdatedDateTime!),
      details: { riskState: u.riskState ?? null, riskDetail: u.riskDetail ?? null },
    }));
}
