import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { GRAPH_OPERATIONS, type GraphOperation } from "./operations";
import { callGraph } from "./request";

// Before anyone clicks: can this tenant connection do each operation? The token's roles show the
// granted application permissions; harmless reads probe what roles cannot show (licences, the
// message-trace principal). Writes are never probed.

export type PreflightRow = {
  op: GraphOperation;
  title: string;
  permission: string;
  granted: boolean;
  probe: { ok: boolean; message: string } | null;
  needs: string | null;
};

const SCOPE = "https://graph.microsoft.com/.default";

const PROBES: Partial<Record<GraphOperation, (userId: string) => string>> = {
  getUser: () => "/users?$top=1&$select=id",
  listSignIns: () => "/auditLogs/signIns?$top=1",
  listDirectoryAudits: () => "/auditLogs/directoryAudits?$top=1",
  listRegistrationDetails: () => "/reports/authenticationMethods/userRegistrationDetails?$top=1",
  listMessageTraces: () => "/admin/exchange/tracing/messageTraces?$top=1",
  listInboxRules: (u) => `/users/${u}/mailFolders/inbox/messageRules`,
  listAuthMethods: (u) => `/users/${u}/authentication/methods`,
  listGrants: () => "/oauth2PermissionGrants?$top=1",
  listAlerts: () => "/security/alerts_v2?$top=1",
};

/** Application permissions granted to the connection, read from its access token. */
export async function grantedPermissions(g: TenantGraph): Promise<string[]> {
  const token = await g.credential.getToken(SCOPE);
  const payload = token?.token.split(".")[1];
  if (!payload) return [];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { roles?: string[] };
  return claims.roles ?? [];
}

export async function runPreflight(g: TenantGraph): Promise<{ connected: boolean; error: string | null; rows: PreflightRow[] }> {
  let roles: string[];
  try {
    roles = await grantedPermissions(g);
  } catch {
    return { connected: false, error: "Could not get a token: check the tenant id, the app's client id and its secret.", rows: [] };
  }
  let sampleUser = "";
  try {
    sampleUser = (await callGraph<{ value: { id: string }[] }>(g, { op: "getUser", method: "GET", path: "/users?$top=1&$select=id" })).body.value[0]?.id ?? "";
  } catch {
    // the getUser probe below reports why
  }
  const rows = await Promise.all(
    (Object.keys(GRAPH_OPERATIONS) as GraphOperation[]).map(async (op): Promise<PreflightRow> => {
      const info = GRAPH_OPERATIONS[op];
      const granted = roles.includes(info.permission) || (info.permission.endsWith(".Read.All") && roles.includes(info.permission.replace(".Read.All", ".ReadWrite.All")));
      const probePath = PROBES[op];
      let probe: PreflightRow["probe"] = null;
      if (probePath && (sampleUser || !probePath("x").includes("/users/x"))) {
        try {
          await callGraph(g, { op, method: "GET", path: probePath(sampleUser) });
          probe = { ok: true, message: "Works" };
        } catch (error) {
          probe = { ok: false, message: isAppError(error) ? error.message : "Failed" };
        }
      }
      const needs = [("directoryRole" in info ? `${info.directoryRole} role` : null), ("licence" in info ? `${info.licence} licence` : null)].filter(Boolean).join(", ") || null;
      return { op, title: info.title, permission: info.permission, granted, probe, needs };
    }),
  );
  return { connected: true, error: null, rows };
}
