import { ok } from "../http";
import { ALERT_FILTERS } from "../filter-rules";
import { collection } from "../odata";
import { path, type Route } from "../route";
import type { Alert } from "../state";

const alertView = (a: Alert) => ({
  id: a.id,
  providerAlertId: a.id,
  incidentId: a.incidentId,
  title: a.title,
  severity: a.severity,
  status: a.status,
  category: a.category,
  serviceSource: a.serviceSource,
  detectionSource: "microsoftDefenderForOffice365",
  createdDateTime: a.createdDateTime,
  lastUpdateDateTime: a.createdDateTime,
  description: `${a.title} for ${a.userPrincipalName}.`,
  evidence: [{ "@odata.type": "#microsoft.graph.security.userEvidence", userAccount: { userPrincipalName: a.userPrincipalName } }],
});

export const securityRoutes: Route[] = [
  {
    op: "listAlerts",
    method: "GET",
    pattern: path("/security/alerts_v2"),
    bucket: "security",
    permissions: ["SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All"],
    handle: (ctx) => ok(collection(ctx, ctx.tenant.alerts.map(alertView), { filterRules: ALERT_FILTERS })),
  },
  {
    op: "listIncidents",
    method: "GET",
    pattern: path("/security/incidents"),
    bucket: "security",
    permissions: ["SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All"],
    handle: (ctx) => {
      const ids = [...new Set(ctx.tenant.alerts.map((a) => a.incidentId))];
      const incidents = ids.map((id) => {
        const alerts = ctx.tenant.alerts.filter((a) => a.incidentId === id);
        return {
          id,
          displayName: `Compromised account activity involving ${alerts[0]!.userPrincipalName}`,
          status: "active",
          severity: "high",
          createdDateTime: alerts[0]!.createdDateTime,
          lastUpdateDateTime: alerts.at(-1)!.createdDateTime,
          classification: "unknown",
          determination: "unknown",
          alerts: ctx.query.get("$expand") === "alerts" ? alerts.map(alertView) : undefined,
        };
      });
      return ok(collection(ctx, incidents));
    },
  },
];
