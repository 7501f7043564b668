import { badRequest, notFound, ok, type GraphContext } from "../http";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import { within } from "../rules";
import type { SimUser } from "../state";

// Identity Protection (riskyuser-confirmcompromised, riskyUser resource): confirmCompromised and
// dismiss answer 204 at once, but the backend works asynchronously — riskyUser.isProcessing
// "indicates whether the backend is processing a user's risky state" — so the new state shows
// only once processing is done (rules.ts riskProcessingMs). 1 request/s per tenant, 429 without
// Retry-After (throttle.ts).

/** Applies a finished processing run; returns whether one is still under way. */
function settle(u: SimUser, now: Date): boolean {
  if (!u.riskProcessing) return false;
  if (now < new Date(u.riskProcessing.at)) return true;
  Object.assign(u, {
    riskState: u.riskProcessing.riskState,
    riskLevel: u.riskProcessing.riskLevel,
    riskLastUpdatedDateTime: u.riskProcessing.at,
    riskProcessing: null,
  });
  return false;
}

const riskyUserView = (u: SimUser, processing = false) => ({
  id: u.id,
  userPrincipalName: u.userPrincipalName,
  userDisplayName: u.displayName,
  riskLevel: u.riskLevel,
  riskState: u.riskState,
  riskDetail:
    u.riskState === "confirmedCompromised"
      ? "adminConfirmedUserCompromised"
      : u.riskState === "dismissed"
        ? "adminDismissedAllRiskForUser"
        : "none",
  riskLastUpdatedDateTime: u.riskLastUpdatedDateTime,
  isDeleted: false,
  isProcessing: processing,
});

function setRisk(state: "confirmedCompromised" | "dismissed") {
  return (ctx: GraphContext, _params: string[], rt: SimRuntime) => {
    const ids = (ctx.body as { userIds?: unknown } | null)?.userIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof i !== "string"))
      throw badRequest("userIds must be a non-empty array of user object ids.");
    const users = ids.map((id) => ctx.tenant.users.find((u) => u.id === id));
    if (users.some((u) => !u)) throw notFound(String(ids.find((_, i) => !users[i])));
    const ms = within(rt.rules.riskProcessingMs);
    for (const u of users as SimUser[]) {
      const next = { riskState: state, riskLevel: state === "confirmedCompromised" ? ("high" as const) : ("none" as const) };
      if (ms > 0) u.riskProcessing = { ...next, at: new Date(rt.clock.now().getTime() + ms).toISOString() };
      else Object.assign(u, next, { riskLastUpdatedDateTime: rt.clock.iso(), riskProcessing: null });
    }
    return { status: 204 };
  };
}

const atRisk = (ctx: GraphContext) => ctx.tenant.users.filter((u) => u.riskState !== "none" || u.riskProcessing);

export const riskRoutes: Route[] = [
  {
    // riskyuser-list (learn.microsoft.com/graph/api/riskyuser-list; its operation in
    // simulator/contract/graph/graph-v1.0-subset.json takes $top, $skip, $search, $filter, $count,
    // $orderby, $select and $expand): Entra ID P2; the alert poll filters on riskLastUpdatedDateTime
    // and reads riskLevel and riskState; pages continue through an absolute @odata.nextLink (odata.ts).
    op: "listRiskyUsers",
    method: "GET",
    pattern: path("/identityProtection/riskyUsers"),
    licence: "p2",
    bucket: "identityProtection",
    permissions: ["IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All"],
    handle: (ctx, _p, rt) =>
      ok(
        collection(
          ctx,
          atRisk(ctx).map((u) => riskyUserView(u, settle(u, rt.clock.now()))),
        ),
      ),
  },
  {
    op: "getRiskyUser",
    method: "GET",
    pattern: path("/identityProtection/riskyUsers/:id"),
    licence: "p2",
    bucket: "identityProtection",
    permissions: ["IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All"],
    handle: (ctx, [id], rt) => {
      const u = atRisk(ctx).find((x) => x.id === id);
      if (!u) throw notFound(id!);
      return ok(riskyUserView(u, settle(u, rt.clock.now())));
    },
  },
  {
    op: "confirmCompromised",
    method: "POST",
    pattern: path("/identityProtection/riskyUsers/~confirmCompromised"),
    licence: "p2",
    bucket: "identityProtection",
    permissions: ["IdentityRiskyUser.ReadWrite.All"],
    handle: setRisk("confirmedCompromised"),
  },
  {
    op: "dismissRiskyUser",
    method: "POST",
    pattern: path("/identityProtection/riskyUsers/~dismiss"),
    licence: "p2",
    bucket: "identityProtection",
    permissions: ["IdentityRiskyUser.ReadWrite.All"],
    handle: setRisk("dismissed"),
  },
];
