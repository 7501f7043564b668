import { errorBody, GraphHttpError, type GraphContext, type GraphRequest, type SimResponse } from "./http";
import { GRAPH_AUDIENCES, type TokenService } from "./identity";
import type { ResponseChecker } from "./contract/check";
import { validateRequestBody } from "./contract/validate";
import type { FaultScope, Faults } from "./faults";
import type { Route, SimRuntime } from "./route";
import { servicePrincipalOf } from "./applications";
import { findUser, type SimUser, type TenantState } from "./state";
import { PER_TENANT_BUCKETS, type Throttle } from "./throttle";
import { countWrite } from "./write-count";

// One Graph call: token → route → permission → licence → quota → fault → handler, answering
// every failure with Graph's error envelope and a request-id header.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Dispatched = SimResponse & { op?: string };

export type DispatchDeps = {
  rt: SimRuntime;
  routes: Route[];
  tokens: TokenService;
  throttle: Throttle;
  faults: Faults;
  onRequest?: (req: GraphRequest, op: string | undefined) => void;
  /** Reject (400) request bodies that break Graph's published schema, and record them. */
  validateRequests?: { violations: string[] };
  /** Checks (and in "fail" mode replaces) each response against Graph's published schema. */
  checkResponse?: ResponseChecker;
};

function fail(req: GraphRequest, error: GraphHttpError, op?: string): Dispatched {
  return { status: error.status, body: errorBody(error.code, error.message, req.requestId), headers: error.headers, op };
}

/**
 * The tenant as the calling app sees it: tenant.app is that app's principal. The tenant's own app
 * registration is tenant.app already; another (multi-tenant) app is seen through its service
 * principal, so every route reads the caller's permissions and directory roles the same way.
 * Writes through the view reach the tenant itself.
 */
function asSeenBy(tenant: TenantState, appId: string): TenantState | null {
  if (appId === tenant.app.clientId) return tenant;
  const sp = servicePrincipalOf(tenant, appId);
  if (!sp) return null;
  const app = { clientId: sp.appId, clientSecret: "", permissions: sp.permissions, directoryRoles: sp.directoryRoles };
  return new Proxy(tenant, { get: (t, key, receiver) => (key === "app" ? app : Reflect.get(t, key, receiver)) });
}

/** The caller's tenant and roles from a valid Graph token (app-only, or a user's delegated scopes); else Graph's 401. */
export function authenticate(deps: DispatchDeps, req: GraphRequest): { tenant: TenantState; roles: string[]; signedInUser?: SimUser } {
  const header = req.headers.authorization ?? "";
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  if (!token) throw new GraphHttpError(401, "InvalidAuthenticationToken", "Access token is empty.");
  const result = deps.tokens.verify(token);
  if ("problem" in result) throw new GraphHttpError(401, "InvalidAuthenticationToken", result.problem);
  const { claims } = result;
  if (!GRAPH_AUDIENCES.includes(claims.aud))
    throw new GraphHttpError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
  const home = deps.rt.world.tenants.get(claims.tid);
  const tenant = home && asSeenBy(home, claims.appid);
  if (!tenant) throw new GraphHttpError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
  if (claims.scp === undefined) return { tenant, roles: claims.roles };
  const signedInUser = findUser(tenant, claims.oid ?? "");
  if (!signedInUser?.accountEnabled)
    throw new GraphHttpError(401, "InvalidAuthenticationToken", "The user of this delegated token is unknown or disabled.");
  return { tenant, roles: claims.scp.split(" ").filter(Boolean), signedInUser };
}

function findRoute(routes: Route[], req: GraphRequest): { route: Route; params: string[] } {
  let methodMismatch = false;
  for (const route of routes) {
    const match = route.pattern.exec(req.path);
    if (!match || (route.versions && !route.versions.includes(req.version))) continue;
    if (route.method !== req.method) {
      methodMismatch = true;
      continue;
    }
    return { route, params: match.slice(1) };
  }
  if (methodMismatch)
    throw new GraphHttpError(405, "Request_BadRequest", `The HTTP method '${req.method}' is not allowed for the requested resource.`);
  throw new GraphHttpError(400, "BadRequest", `Resource not found for the segment '${req.path.split("/")[1] ?? ""}'.`);
}

function checkAccess(route: Route, ctx: GraphContext) {
  const needed = typeof route.permissions === "function" ? route.permissions(ctx) : route.permissions;
  if (!needed.some((p) => ctx.roles.includes(p)) || !(route.alsoNeeds ?? []).every((p) => ctx.roles.includes(p))) {
    throw route.deniedCode === "ErrorAccessDenied"
      ? new GraphHttpError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
      : new GraphHttpError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }
  // Delegated: the scope and, where the docs name one, a directory role of the signed-in user.
  const user = ctx.signedInUser;
  if (
    user &&
    (!route.delegatedRoles || (route.delegatedRoles.length > 0 && !user.directoryRoles.some((r) => route.delegatedRoles!.includes(r))))
  ) {
    throw new GraphHttpError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }
  const { licences } = ctx.tenant;
  if ((route.licence === "p1" && !licences.p1) || (route.licence === "p2" && !licences.p2)) {
    throw new GraphHttpError(
      403,
      "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      "Neither tenant is B2C or tenant doesn't have premium license",
    );
  }
  if (route.licence === "messageTrace" && !licences.messageTraceServicePrincipal) {
    throw new GraphHttpError(
      401,
      "Unauthorized",
      "The application's service principal for the message trace API (8bd644d1-64a1-4d4b-ae52-2e0cbf64e373) does not exist in this tenant.",
    );
  }
}

/** The call's tenant and the user its path addresses (/users/{id or UPN}/…), for faults aimed at one of them. */
function faultScope(tenant: TenantState, path: string): FaultScope {
  const addressed = /^\/users\/([^/(]+)/.exec(path)?.[1];
  const user = addressed === undefined ? undefined : findUser(tenant, addressed);
  return { tenantId: tenant.tenantId, users: user ? [user.id.toLowerCase(), user.userPrincipalName.toLowerCase()] : [] };
}

export async function dispatch(deps: DispatchDeps, req: GraphRequest): Promise<Dispatched> {
  let op: string | undefined;
  try {
    const { tenant, roles, signedInUser } = authenticate(deps, req);
    // On the tenant's own time (clock.ts), as every call for one tenant is.
    return await deps.rt.clock.forTenant(tenant.tenantId, async (): Promise<Dispatched> => {
      const { route, params } = findRoute(deps.routes, req);
      op = route.op;
      deps.onRequest?.(req, op);
      const ctx: GraphContext = { ...req, tenant, roles, signedInUser };
      checkAccess(route, ctx);
      if (deps.validateRequests && req.body !== undefined && req.method !== "GET") {
        const { errors } = validateRequestBody(req.version, req.method, req.path, req.body);
        if (errors.length > 0) {
          deps.validateRequests.violations.push(`${req.method} ${req.path}: ${errors.join("; ")}`);
          throw new GraphHttpError(400, "BadRequest", `The request body does not match Graph's schema: ${errors.join("; ")}`);
        }
      }
      if (route.bucket) {
        const key = PER_TENANT_BUCKETS.has(route.bucket) ? tenant.tenantId : `${tenant.tenantId}:${tenant.app.clientId}`;
        // On the simulator clock, so advance-time also moves the quota windows.
        const limited = deps.throttle.take(route.bucket, key, deps.rt.clock.now().getTime());
        if (limited) {
          const headers: Record<string, string> = limited.retryAfter === null ? {} : { "Retry-After": String(limited.retryAfter) };
          throw new GraphHttpError(429, "TooManyRequests", "Too many requests. Retry after the time in the Retry-After header.", headers);
        }
      }
      const fault = deps.faults.take(route.op, faultScope(tenant, req.path));
      if (fault && "status" in fault) {
        // A gateway error after the service did the work: the effect lands, the caller sees the error.
        if (fault.applyEffect && fault.status !== 429) await route.handle(ctx, params, deps.rt);
        const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "Retry-After": String(fault.retryAfter) };
        const code =
          fault.status === 429
            ? "TooManyRequests"
            : fault.status === 403
              ? "Authorization_RequestDenied"
              : fault.status === 503
                ? "serviceNotAvailable"
                : fault.status === 504
                  ? "gatewayTimeout"
                  : "generalException";
        const message =
          fault.status === 403
            ? "Insufficient privileges to complete the operation. (injected fault)"
            : "The service is temporarily unavailable (injected fault).";
        throw new GraphHttpError(fault.status, code, message, headers);
      }
      if (fault && "timeout" in fault) {
        // The effect lands (or not), but the answer comes too late for the caller.
        const late = fault.applyEffect === false ? undefined : await route.handle(ctx, params, deps.rt);
        await sleep(fault.delayMs ?? 15_000);
        return { ...(late ?? { status: 504, body: errorBody("gatewayTimeout", "Gateway timeout.", req.requestId) }), op };
      }
      const response = await route.handle(ctx, params, deps.rt);
      if (req.method !== "GET" && response.status < 400) countWrite(deps.rt, tenant.tenantId, req);
      return { ...response, op };
    });
  } catch (error) {
    if (error instanceof GraphHttpError) return fail(req, error, op);
    throw error;
  }
}
