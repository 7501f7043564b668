import type { SimResponse } from "./http";
import type { SimRuntime } from "./route";
import { raiseRiskDetection } from "./risk-detections";
import { generateCompromisedUsers } from "./scenario/build";
import { findUser, type Alert, type TenantState } from "./state";

// Alerts raised while the simulator runs (control endpoints): one Defender XDR alert for an
// account (security/alerts_v2, with the account as userEvidence), and a password spray that
// compromises many accounts at once and raises one alert and one passwordSpray risk detection
// per account, spread over time if asked.
// Each alert also marks the user at high risk now, as Identity Protection would (riskyUser).

export type RaiseAlert = { upn: string; title?: string; severity?: Alert["severity"]; incidentId?: string };

export function raiseAlert(rt: SimRuntime, t: TenantState, input: RaiseAlert): Alert | null {
  const u = findUser(t, input.upn);
  if (!u) return null;
  const now = rt.clock.iso();
  const alert: Alert = {
    id: `da${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`,
    title: input.title ?? "Suspicious sign-in followed by inbox rule creation",
    severity: input.severity ?? "high",
    status: "new",
    category: "InitialAccess",
    serviceSource: "microsoftDefenderForIdentity",
    createdDateTime: now,
    incidentId: input.incidentId ?? String(1000 + t.alerts.length),
    userPrincipalName: u.userPrincipalName,
  };
  t.alerts.push(alert);
  Object.assign(u, { riskLevel: "high", riskState: "atRisk", riskLastUpdatedDateTime: now });
  return alert;
}

/** POST /_control/tenants/:id/alerts { upn, title?, severity? } */
export function alertControl(rt: SimRuntime, t: TenantState, body: Record<string, unknown>): SimResponse {
  const severity = body.severity === undefined ? undefined : String(body.severity);
  if (severity && !["low", "medium", "high"].includes(severity))
    return { status: 400, body: { error: "severity must be low, medium or high" } };
  const alert = raiseAlert(rt, t, {
    upn: String(body.upn ?? ""),
    title: body.title === undefined ? undefined : String(body.title),
    severity: severity as Alert["severity"] | undefined,
  });
  return alert
    ? { status: 201, body: { id: alert.id, createdDateTime: alert.createdDateTime } }
    : { status: 404, body: { error: "unknown user" } };
}

/**
 * POST /_control/tenants/:id/spray { count, seed?, spreadMs? }: count new accounts compromised by
 * one spray, each with its alert; with spreadMs the alerts arrive over that many milliseconds.
 */
export function sprayControl(rt: SimRuntime, t: TenantState, body: Record<string, unknown>): SimResponse {
  const count = Number(body.count ?? 10);
  const spreadMs = Number(body.spreadMs ?? 0);
  if (!Number.isInteger(count) || count < 1 || count > 5_000)
    return { status: 400, body: { error: "count must be a whole number from 1 to 5000" } };
  if (!Number.isFinite(spreadMs) || spreadMs < 0 || spreadMs > 3_600_000)
    return { status: 400, body: { error: "spreadMs must be 0 to 3600000" } };
  const users = generateCompromisedUsers(t, count, Number(body.seed ?? 11), rt.clock.now());
  const incidentId = String(5000 + t.alerts.length);
  users.forEach((u, i) => {
    // Identity Protection sees the spray too: a passwordSpray detection per account.
    const raise = () => {
      raiseAlert(rt, t, {
        upn: u.userPrincipalName,
        title: "Password spray: successful sign-in from a spraying IP",
        severity: "high",
        incidentId,
      });
      raiseRiskDetection(rt, t, { upn: u.userPrincipalName, riskEventType: "passwordSpray", riskLevel: "high" });
    };
    const at = count > 1 ? Math.round((spreadMs * i) / (count - 1)) : 0;
    if (at === 0) raise();
    else setTimeout(raise, at).unref();
  });
  return { status: 201, body: { users: users.map((u) => u.userPrincipalName), incidentId } };
}
