import { badRequest, ok, type GraphContext } from "../http";
import { RISK_DETECTION_FILTERS } from "../filter-rules";
import { collection } from "../odata";
import { path, type Route } from "../route";
import type { RiskDetection } from "../state";

// GET /identityProtection/riskDetections (learn.microsoft.com/graph/api/riskdetection-list):
// application permission IdentityRiskEvent.Read.All (least and only); "You must have a
// Microsoft Entra ID P1 or P2 license to use the risk detection API" (a tenant without answers
// 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant, dispatch.ts); "supports the $filter
// and $select OData query parameters … The default page size is 20 objects while the maximum
// with $top is 500"; further pages through an absolute @odata.nextLink (learn.microsoft.com/graph/paging).
// Where the page is silent the stricter reading: $top above 500, $orderby, $skip, $count,
// $search and $expand answer 400 (only $filter, $select and $top are documented), and the
// order of the results is not promised, so the simulator returns them newest first, not by id.
// Identity Protection's 1 request per second per tenant (throttle.ts) applies as to riskyUsers.

/** The riskDetection resource (learn.microsoft.com/graph/api/resources/riskdetection), every property. */
const detectionView = (d: RiskDetection) => ({
  id: d.id,
  requestId: d.id,
  correlationId: d.id,
  riskEventType: d.riskEventType,
  riskState: d.riskState,
  riskLevel: d.riskLevel,
  riskDetail: "none",
  source: "IdentityProtection",
  detectionTimingType: d.riskEventType === "passwordSpray" || d.riskEventType === "leakedCredentials" ? "offline" : "realtime",
  activity: d.riskEventType === "leakedCredentials" ? "user" : "signin",
  tokenIssuerType: "AzureAD",
  ipAddress: d.ipAddress,
  location: { city: null, state: null, countryOrRegion: null, geoCoordinates: null },
  activityDateTime: d.activityDateTime,
  detectedDateTime: d.detectedDateTime,
  lastUpdatedDateTime: d.detectedDateTime,
  userId: d.userId,
  userDisplayName: d.userDisplayName,
  userPrincipalName: d.userPrincipalName,
  additionalInfo: "[]",
});

const UNDOCUMENTED = ["$orderby", "$skip", "$count", "$search", "$expand"];

function checkQuery(ctx: GraphContext): void {
  for (const p of UNDOCUMENTED) if (ctx.query.has(p)) throw badRequest(`Query option '${p}' is not supported on riskDetections.`);
  const top = ctx.query.get("$top");
  if (top !== null && !(/^\d+$/.test(top) && Number(top) >= 1 && Number(top) <= 500))
    throw badRequest("Invalid value for $top: it must be a whole number from 1 to 500 on riskDetections.");
}

export const riskDetectionRoutes: Route[] = [
  {
    op: "listRiskDetections",
    method: "GET",
    pattern: path("/identityProtection/riskDetections"),
    licence: "p1",
    bucket: "identityProtection",
    permissions: ["IdentityRiskEvent.Read.All"],
    handle: (ctx) => {
      checkQuery(ctx);
      const newestFirst = [...(ctx.tenant.riskDetections ?? [])].sort((a, b) => b.detectedDateTime.localeCompare(a.detectedDateTime));
      return ok(collection(ctx, newestFirst.map(detectionView), { defaultTop: 20, maxTop: 500, filterRules: RISK_DETECTION_FILTERS }));
    },
  },
];
