import { ok } from "../http";
import { visibleAudits } from "../lag";
import { DIRECTORY_AUDIT_FILTERS, SIGN_IN_FILTERS } from "../filter-rules";
import { collection } from "../odata";
import { path, type Route } from "../route";
import type { DirectoryAudit } from "../state";

const newestFirst = <T extends { createdDateTime?: string; activityDateTime?: string }>(items: T[]) =>
  [...items].sort((a, b) => ((b.createdDateTime ?? b.activityDateTime)! > (a.createdDateTime ?? a.activityDateTime)! ? 1 : -1));

// Graph leaves out the initiator that is not there (a user or an app), rather than sending null.
function auditView(a: DirectoryAudit) {
  const { user, app } = a.initiatedBy;
  return { ...a, initiatedBy: { ...(user ? { user } : {}), ...(app ? { app } : {}) } };
}

export const logRoutes: Route[] = [
  {
    // signin-list: the application permissions are AuditLog.Read.All AND Directory.Read.All.
    op: "listSignIns",
    method: "GET",
    pattern: path("/auditLogs/signIns"),
    permissions: ["AuditLog.Read.All"],
    alsoNeeds: ["Directory.Read.All"],
    licence: "p1",
    bucket: "reports",
    handle: (ctx) => ok(collection(ctx, newestFirst(ctx.tenant.signIns), { defaultTop: 1000, maxTop: 1000, filterRules: SIGN_IN_FILTERS })),
  },
  {
    op: "listDirectoryAudits",
    method: "GET",
    pattern: path("/auditLogs/directoryAudits"),
    permissions: ["AuditLog.Read.All"],
    bucket: "reports",
    // Audit entries show up only after the audit latency (rules.ts): minutes on a real tenant.
    handle: (ctx, _p, rt) =>
      ok(
        collection(ctx, newestFirst(visibleAudits(rt, ctx.tenant)).map(auditView), {
          defaultTop: 1000,
          maxTop: 1000,
          filterRules: DIRECTORY_AUDIT_FILTERS,
        }),
      ),
  },
];
