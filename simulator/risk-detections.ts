import type { SimResponse } from "./http";
import type { SimRuntime } from "./route";
import { findUser, type RiskDetection, type TenantState } from "./state";

// Identity Protection risk detections raised while the simulator runs (control endpoint, and one
// per account of a password spray, simulator/alerts.ts). A detection also puts the user at risk
// at its level or higher, as Identity Protection aggregates detections into user risk
// (learn.microsoft.com/entra/id-protection/concept-identity-protection-risks).

const LEVELS = ["low", "medium", "high"] as const;
/** riskEventType values the control endpoint accepts (riskDetection resource page, riskEventType). */
const EVENT_TYPES = [
  "passwordSpray",
  "unfamiliarFeatures",
  "anonymizedIPAddress",
  "unlikelyTravel",
  "leakedCredentials",
  "maliciousIPAddress",
  "suspiciousInboxManipulationRules",
];

export type RaiseRiskDetection = { upn: string; riskEventType?: string; riskLevel?: RiskDetection["riskLevel"]; ipAddress?: string };

export function raiseRiskDetection(rt: SimRuntime, t: TenantState, input: RaiseRiskDetection): RiskDetection | null {
  const u = findUser(t, input.upn);
  if (!u) return null;
  const now = rt.clock.iso();
  const detection: RiskDetection = {
    id: crypto.randomUUID(),
    userId: u.id,
    userPrincipalName: u.userPrincipalName,
    userDisplayName: u.displayName,
    riskEventType: input.riskEventType ?? "unfamiliarFeatures",
    riskLevel: input.riskLevel ?? "medium",
    riskState: "atRisk",
    ipAddress: input.ipAddress ?? "185.220.101.47",
    detectedDateTime: now,
    activityDateTime: now,
  };
  (t.riskDetections ??= []).push(detection);
  const rank = (l: string) => LEVELS.indexOf(l as never);
  if (u.riskState !== "atRisk" || rank(detection.riskLevel) > rank(u.riskLevel))
    Object.assign(u, { riskLevel: detection.riskLevel, riskState: "atRisk", riskLastUpdatedDateTime: now });
  return detection;
}

/** POST /_control/tenants/:id/risk-detections { upn, riskEventType?, riskLevel? } */
export function riskDetectionControl(rt: SimRuntime, t: TenantState, body: Record<string, unknown>): SimResponse {
  const riskLevel = body.riskLevel === undefined ? undefined : String(body.riskLevel);
  if (riskLevel && !LEVELS.includes(riskLevel as never)) return { status: 400, body: { error: "riskLevel must be low, medium or high" } };
  const riskEventType = body.riskEventType === undefined ? undefined : String(body.riskEventType);
  if (riskEventType && !EVENT_TYPES.includes(riskEventType))
    return { status: 400, body: { error: `riskEventType must be one of ${EVENT_TYPES.join(", ")}` } };
  const detection = raiseRiskDetection(rt, t, {
    upn: String(body.upn ?? ""),
    riskEventType,
    riskLevel: riskLevel as RiskDetection["riskLevel"] | undefined,
  });
  return detection
    ? { status: 201, body: { id: detection.id, detectedDateTime: detection.detectedDateTime } }
    : { status: 404, body: { error: "unknown user" } };
}
