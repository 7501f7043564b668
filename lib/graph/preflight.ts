import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { credentialError } from "./errors";
import { GRAPH_OPERATIONS, type GraphOperation } from "./operations";
import { callGraph, listAll, odataQuote, type GraphCall } from "./request";
import { judgeResetRole, type RoleVerdict } from "./reset-role";

// Before anyone clicks: can this tenant connection do each operation? The token's roles show the
// granted application permissions; harmless reads probe what roles cannot show (licences, the
// beta-only MFA endpoint, the message-trace principal, Identity Protection's P2). The directory
// role a password reset needs is read from the token (wids) or the app's memberOf when Graph
// shows it, and otherwise reported as unverified. Writes are never probed.

export type PreflightRow = {
  op: GraphOperation;
  title: string;
  permission: string;
  granted: boolean;
  /** ok null = could not be verified without a write. */
  probe: { ok: boolean | null; message: string } | null;
  needs: string | null;
};

const SCOPE = "https://graph.microsoft.com/.default";

type Probe = (userId: string) => Pick<GraphCall, "path" | "version">;

const PROBES: Partial<Record<GraphOperation, Probe>> = {
  getUser: () => ({ path: "/users?$top=1&$select=id" }),
  listSignIns: () => ({ path: "/auditLogs/signIns?$top=1" }),
  listDirectoryAudits: () => ({ path: "/auditLogs/directoryAudits?$top=1" }),
  listRegistrationDetails: () => ({ path: "/reports/authenticationMethods/userRegistrationDetails?$top=1" }),
  listMessageTraces: () => ({ path: "/admin/exchange/tracing/messageTraces?$top=1" }),
  listInboxRules: (u) => ({ path: `/users/${u}/mailFolders/inbox/messageRules` }),
  listAuthMethods: (u) => ({ path: `/users/${u}/authentication/methods` }),
  listGrants: () => ({ path: "/oauth2PermissionGrants?$top=1" }),
  listAlerts: () => ({ path: "/security/alerts_v2?$top=1" }),
  getRiskyUser: () => ({ path: "/identityProtection/riskyUsers?$top=1" }),
  getMfaState: (u) => ({ path: `/users/${u}/authentication/requirements`, version: "beta" }),
};

type TokenClaims = { roles?: string[]; wids?: string[]; appid?: string; azp?: string };

async function tokenClaims(g: TenantGraph): Promise<TokenClaims> {
  const token = await g.credential.getToken(SCOPE);
  const payload = token?.token.split(".")[1];
  return payload ? (JSON.parse(Buffer.from(payload, "base64url").toString()) as TokenClaims) : {};
}

/** Application permissions granted to the connection, read from its access token. */
export async function grantedPermissions(g: TenantGraph): Promise<string[]> {
  return (await tokenClaims(g)).roles ?? [];
}

/** The directory roles of the app's own service principal, or null when Graph does not show them. */
async function appDirectoryRoles(g: TenantGraph, appId: string | undefined): Promise<string[] | null> {
  if (!appId) return null;
  try {
    const { items } = await listAll<{ "@odata.type"?: string; displayName?: string }>(g, { op: "getServicePrincipal", path: `/servicePrincipals(appId=${odataQuote(appId)})/memberOf` });
    return items.filter((i) => i["@odata.type"] === "#microsoft.graph.directoryRole").map((i) => i.displayName ?? "");
  } catch {
    return null;
  }
}

async function probeRead(g: TenantGraph, op: GraphOperation, call: Pick<GraphCall, "path" | "version">): Promise<PreflightRow["probe"]> {
  try {
    await callGraph(g, { op, method: "GET", ...call });
    return { ok: true, message: "Works" };
  } catch (error) {
    return { ok: false, message: isAppError(error) ? error.message : "Failed" };
  }
}

export async function runPreflight(g: TenantGraph): Promise<{ connected: boolean; error: string | null; rows: PreflightRow[] }> {
  let claims: TokenClaims;
  try {
    claims = await tokenClaims(g);
  } catch (error) {
    return { connected: false, error: credentialError(error)?.message ?? "Could not get a token: check the tenant id, the app's client id and its secret in Admin → Tenants.", rows: [] };
  }
  const roles = claims.roles ?? [];
  let sampleUser = "";
  try {
    sampleUser = (await callGraph<{ value: { id: string }[] }>(g, { op: "getUser", method: "GET", path: "/users?$top=1&$select=id" })).body.value[0]?.id ?? "";
  } catch {
    // the getUser probe below reports why
  }
  const resetRole: Promise<RoleVerdict> = appDirectoryRoles(g, claims.appid ?? claims.azp).then((memberOf) => judgeResetRole({ wids: claims.wids ?? null, memberOf }));
  const rows = await Promise.all(
    (Object.keys(GRAPH_OPERATIONS) as GraphOperation[]).map(async (op): Promise<PreflightRow> => {
      const info = GRAPH_OPERATIONS[op];
      const granted = roles.includes(info.permission) || (info.permission.endsWith(".Read.All") && roles.includes(info.permission.replace(".Read.All", ".ReadWrite.All")));
      const probeCall = PROBES[op];
      let probe: PreflightRow["probe"] = null;
      if (op === "resetPassword") probe = await resetRole;
      else if (probeCall && (sampleUser || !probeCall("x").path.includes("/users/x"))) probe = await probeRead(g, op, probeCall(sampleUser));
      const needs = [("directoryRole" in info ? `${info.directoryRole} role` : null), ("licence" in info ? `${info.licence} licence` : null)].filter(Boolean).join(", ") || null;
      return { op, title: info.title, permission: info.permission, granted, probe, needs };
    }),
  );
  return { connected: true, error: null, rows };
}
