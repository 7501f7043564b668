import type { TenantAlertRead } from "./alerts";
import type { TenantGraph } from "./client";
import { listAll } from "./request";

// Identity Protection's risk detections for the alert poll (lib/alerts):
// learn.microsoft.com/graph/api/riskdetection-list — IdentityRiskEvent.Read.All, "a Microsoft
// Entra ID P1 or P2 license" (without: 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant,
// which errors.ts words as the licence to buy), $filter and $select, "default page size is 20
// objects while the maximum with $top is 500", further pages through @odata.nextLink. The page
// promises no order, so every page is read; a detection's id is its identity (the poll dedupes on it).

type RiskDetectionRow = {
  id: string;
  userPrincipalName?: string | null;
  riskEventType?: string | null;
  riskLevel?: string | null;
  riskState?: string | null;
  riskDetail?: string | null;
  detectionTimingType?: string | null;
  ipAddress?: string | null;
  activityDateTime?: string | null;
  detectedDateTime: string;
};

/** At 500 a page and Identity Protection's 1 request per second, a poll reads at most 40 pages. */
export const MAX_RISK_DETECTIONS = 20_000;

/** Detections made at or after `since`; `truncated` when there were more than MAX_RISK_DETECTIONS. */
export async function listRiskDetectionsSince(g: TenantGraph, since: Date): Promise<{ items: TenantAlertRead[]; truncated: boolean }> {
  const filter = encodeURIComponent(`detectedDateTime ge ${since.toISOString()}`);
  const select =
    "id,userPrincipalName,riskEventType,riskLevel,riskState,riskDetail,detectionTimingType,ipAddress,activityDateTime,detectedDateTime";
  const { items, truncated } = await listAll<RiskDetectionRow>(
    g,
    { op: "listRiskDetections", path: `/identityProtection/riskDetections?$filter=${filter}&$select=${select}&$top=500` },
    MAX_RISK_DETECTIONS,
  );
  return {
    truncated,
    items: items
      .filter((d) => d.userPrincipalName)
      .map((d) => ({
        source: "riskDetections",
        externalId: d.id,
        upns: [d.userPrincipalName!.toLowerCase()],
        title: `Identity Protection: ${d.riskEventType ?? "risk"} detected`,
        severity: d.riskLevel ?? "unknown",
        raisedAt: new Date(d.detectedDateTime),
        details: {
          riskEventType: d.riskEventType ?? null,
          riskState: d.riskState ?? null,
          riskDetail: d.riskDetail ?? null,
          detectionTimingType: d.detectionTimingType ?? null,
          ipAddress: d.ipAddress ?? null,
          activityDateTime: d.activityDateTime ?? null,
        },
      })),
  };
}
