import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { credentialError } from "./errors";
import {
  GRAPH_OPERATIONS,
  permissionsOf,
  permissionWords,
  REMEDIATION_OPERATIONS,
  type GraphOperation,
  type GraphOperationInfo,
} from "./operations";
import { callGraph, listAll, odataQuote, type GraphCall } from "./request";
import { judgeResetRole, type RoleVerdict } from "./reset-role";

// Before anyone clicks: can this tenant connection do each operation? The token's roles show the
// granted application permissions; a harmless read probes every read (licences, the beta-only
// MFA endpoint, the message-trace principal, Identity Protection's P2). Writes are never tried: a
// write that needs a licence is judged by the read that needs the same licence, and the directory
// role a password reset needs is read from the token (wids) or the app's memberOf when Graph
// shows it, and otherwise reported as unverified.

export type PreflightRow = {
  op: GraphOperation;
  /** The operation in sentence case ("Block or allow sign-in"). */
  title: string;
  permission: string;
  granted: boolean;
  write: boolean;
  /** ok null = could not be verified; null = a write, never tried. */
  probe: { ok: boolean | null; message: string } | null;
  needs: string | null;
  /** Granted and nothing known to be missing (a failed probe, or the licence a sibling read lacked). */
  available: boolean;
};

const SCOPE = "https://graph.microsoft.com/.default";
const NON_PREMIUM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

type Probe = { ok: boolean | null; message: string; code?: string | null };
type ProbeCall = (ctx: {
  userId: string;
  appId: string | null;
  grantId: string | null;
}) => Pick<GraphCall, "path" | "version"> | { skip: string };

const NO_USER = "Not probed: no user could be read to probe with";

const PROBES: Record<Exclude<GraphOperation, WriteOp | ConnectionOp>, ProbeCall> = {
  getUser: () => ({ path: "/users?$top=1&$select=id" }),
  listUserRoles: ({ userId }) => (userId ? { path: `/users/${userId}/transitiveMemberOf` } : { skip: NO_USER }),
  listRoleEligibility: ({ userId }) =>
    userId
      ? { path: `/roleManagement/directory/roleEligibilityScheduleInstances?$filter=${encodeURIComponent(`principalId eq '${userId}'`)}` }
      : { skip: NO_USER },
  getSignInPreferences: ({ userId }) =>
    userId ? { path: `/users/${userId}/authentication/signInPreferences`, version: "beta" } : { skip: NO_USER },
  getMailFolder: ({ userId }) => (userId ? { path: `/users/${userId}/mailFolders/inbox?$select=id,displayName` } : { skip: NO_USER }),
  getGrant: ({ grantId }) =>
    grantId ? { path: `/oauth2PermissionGrants/${grantId}` } : { skip: "Not probed: the tenant has no app consent to read" },
  listSignIns: () => ({ path: "/auditLogs/signIns?$top=1" }),
  listDirectoryAudits: () => ({ path: "/auditLogs/directoryAudits?$top=1" }),
  // Only $filter and $orderBy are supported there: the probe reads the first page as it comes.
  listRegistrationDetails: () => ({ path: "/reports/authenticationMethods/userRegistrationDetails" }),
  listMessageTraces: () => ({ path: "/admin/exchange/tracing/messageTraces?$top=1" }),
  listInboxRules: ({ userId }) => (userId ? { path: `/users/${userId}/mailFolders/inbox/messageRules` } : { skip: NO_USER }),
  listAuthMethods: ({ userId }) => (userId ? { path: `/users/${userId}/authentication/methods` } : { skip: NO_USER }),
  listGrants: () => ({ path: "/oauth2PermissionGrants?$top=1" }),
  getServicePrincipal: ({ appId }) =>
    appId
      ? { path: `/servicePrincipals/${appId}?$select=id,displayName` }
      : { skip: "Not probed: the tenant has no app consent whose app could be read" },
  listAlerts: () => ({ path: "/security/alerts_v2?$top=1" }),
  getRiskyUser: () => ({ path: "/identityProtection/riskyUsers?$top=1" }),
  listRiskDetections: () => ({ path: "/identityProtection/riskDetections?$top=1" }),
  getMfaState: ({ userId }) => (userId ? { path: `/users/${userId}/authentication/requirements`, version: "beta" } : { skip: NO_USER }),
};

type WriteOp = { [K in GraphOperation]: (typeof GRAPH_OPERATIONS)[K] extends { write: true } ? K : never }[GraphOperation];
type ConnectionOp = { [K in GraphOperation]: (typeof GRAPH_OPERATIONS)[K] extends { connection: string } ? K : never }[GraphOperation];

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
    const { items } = await listAll<{ "@odata.type"?: string; displayName?: string }>(g, {
      op: "getServicePrincipal",
      path: `/servicePrincipals(appId=${odataQuote(appId)})/memberOf`,
    });
    return items.filter((i) => i["@odata.type"] === "#microsoft.graph.directoryRole").map((i) => i.displayName ?? "");
  } catch {
    return null;
  }
}

async function probeRead(g: TenantGraph, op: GraphOperation, call: Pick<GraphCall, "path" | "version">): Promise<Probe> {
  try {
    await callGraph(g, { op, method: "GET", ...call });
    return { ok: true, message: "Works" };
  } catch (error) {
    return {
      ok: false,
      message: isAppError(error) ? error.message : "Failed",
      code: isAppError(error) ? ((error.details?.graphCode as string | undefined) ?? null) : null,
    };
  }
}

async function probeOne(g: TenantGraph, op: GraphOperation, subjects: Parameters<ProbeCall>[0]): Promise<[GraphOperation, Probe | null]> {
  const probe = (PROBES as Partial<Record<GraphOperation, ProbeCall>>)[op];
  if (!probe) return [op, null];
  const call = probe(subjects);
  return [op, "skip" in call ? { ok: null, message: call.skip } : await probeRead(g, op, call)];
}

/** Identity Protection answers 1 request per second per tenant (docs/graph-behaviour.md): its probes go one after another, a second apart. */
const SPACED: GraphOperation[] = ["getRiskyUser", "listRiskDetections"];

async function spacedProbes(g: TenantGraph, subjects: Parameters<ProbeCall>[0]): Promise<[GraphOperation, Probe | null][]> {
  const out: [GraphOperation, Probe | null][] = [];
  for (const op of SPACED) {
    if (out.length > 0) await new Promise((r) => setTimeout(r, 1_100));
    out.push(await probeOne(g, op, subjects));
  }
  return out;
}

/** A sample user and a consented app to probe the per-user and per-app reads with (empty when none can be read). */
async function probeSubjects(g: TenantGraph): Promise<{ userId: string; appId: string | null; grantId: string | null }> {
  const [user, grant] = await Promise.all([
    callGraph<{ value: { id: string }[] }>(g, { op: "getUser", method: "GET", path: "/users?$top=1&$select=id" })
      .then((r) => r.body.value[0]?.id ?? "")
      .catch(() => ""),
    callGraph<{ value: { id: string; clientId: string }[] }>(g, { op: "listGrants", method: "GET", path: "/oauth2PermissionGrants?$top=1" })
      .then((r) => r.body.value[0] ?? null)
      .catch(() => null),
  ]);
  return { userId: user, appId: grant?.clientId ?? null, grantId: grant?.id ?? null };
}

/** What else an operation needs besides its permission, in words. */
function needsOf(info: GraphOperationInfo): string | null {
  const parts = [
    info.directoryRole ? `the ${info.directoryRole} role` : null,
    info.licence ? `an ${info.licence} licence` : null,
    info.servicePrincipal ?? null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Mail.Send through an Exchange application access scope: real, but invisible to Graph (lib/graph/operations.ts). */
const MAIL_SEND_BY_SCOPE =
  "Cannot tell: granted by the service mailbox's Exchange application access scope, which Graph does not show; checking would send mail";

export type PreflightOptions = { mailSendThroughExchangeScope?: boolean };

export async function runPreflight(
  g: TenantGraph,
  options: PreflightOptions = {},
): Promise<{ connected: boolean; error: string | null; rows: PreflightRow[] }> {
  let claims: TokenClaims;
  try {
    claims = await tokenClaims(g);
  } catch (error) {
    return {
      connected: false,
      error:
        credentialError(error)?.message ??
        "Could not get a token: check the tenant id, the app's client id and its secret in Admin → Tenants.",
      rows: [],
    };
  }
  const roles = claims.roles ?? [];
  const subjects = await probeSubjects(g);
  const ops = REMEDIATION_OPERATIONS;
  const [resetRole, reads] = await Promise.all([
    appDirectoryRoles(g, claims.appid ?? claims.azp).then((memberOf): RoleVerdict =>
      judgeResetRole({ wids: claims.wids ?? null, memberOf }),
    ),
    Promise.all([
      Promise.all(ops.filter((op) => !SPACED.includes(op)).map((op) => probeOne(g, op, subjects))),
      spacedProbes(g, subjects),
    ]).then(([parallel, spaced]) => new Map([...parallel, ...spaced])),
  ]);
  /** A read that failed for lack of this licence, if any. */
  const licenceFailure = (licence: string) =>
    ops.find((o) => (GRAPH_OPERATIONS[o] as GraphOperationInfo).licence === licence && reads.get(o)?.code === NON_PREMIUM);
  const rows = ops.map((op): PreflightRow => {
    const info: GraphOperationInfo = GRAPH_OPERATIONS[op];
    const has = (p: string) => roles.includes(p) || (p.endsWith(".Read.All") && roles.includes(p.replace(".Read.All", ".ReadWrite.All")));
    const granted = permissionsOf(info).every(has);
    let probe: PreflightRow["probe"] = reads.get(op) ? { ok: reads.get(op)!.ok, message: reads.get(op)!.message } : null;
    if (op === "resetPassword") probe = resetRole;
    const byScope = op === "sendMail" && !granted && options.mailSendThroughExchangeScope;
    if (byScope) probe = { ok: null, message: MAIL_SEND_BY_SCOPE };
    const failedRead = info.write && info.licence ? licenceFailure(info.licence) : undefined;
    if (failedRead)
      probe = {
        ok: false,
        message: `Needs an ${info.licence} licence: ${GRAPH_OPERATIONS[failedRead].title} already failed for lack of it`,
      };
    return {
      op,
      title: sentence(info.title),
      permission: permissionWords(info),
      granted: granted || Boolean(byScope),
      write: Boolean(info.write),
      probe,
      needs: needsOf(info),
      available: (granted || Boolean(byScope)) && probe?.ok !== false,
    };
  });
  return { connected: true, error: null, rows };
}

export type PreflightSummary = { total: number; available: number; unverified: number; missingPermission: number; failing: number };

/** The line at the top of the check: how many operations can run, and why the others cannot. */
export function summarisePreflight(rows: PreflightRow[]): PreflightSummary {
  return {
    total: rows.length,
    available: rows.filter((r) => r.available).length,
    unverified: rows.filter((r) => r.available && r.probe?.ok === null).length,
    missingPermission: rows.filter((r) => !r.granted).length,
    failing: rows.filter((r) => r.granted && r.probe?.ok === false).length,
  };
}
