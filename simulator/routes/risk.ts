import { badRequest, notFound, ok, type GraphContext } from "../http";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import type { SimUser } from "../state";

const riskyUserView = (u: SimUser) => ({
  id: u.id,
  userPrincipalName: u.userPrincipalName,
  userDisplayName: u.displayName,
  riskLevel: u.riskLevel,
  riskState: u.riskState,
  riskDetail: u.riskState === "confirmedCompromised" ? "adminConfirmedUserCompromised" : u.riskState === "dismissed" ? "adminDismissedAllRiskForUser" : "none",
  riskLastUpdatedDateTime: u.riskLastUpdatedDateTime,
  isDeleted: false,
  isProcessing: false,
});

function setRisk(state: "confirmedCompromised" | "dismissed") {
  return (ctx: GraphContext, _params: string[], rt: SimRuntime) => {
    const ids = (ctx.body as { userIds?: unknown } | null)?.userIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof i !== "string")) throw badRequest("userIds must be a non-empty array of user object ids.");
    const users = ids.map((id) => ctx.tenant.users.find((u) => u.id === id));
    if (users.some((u) => !u)) throw notFound(String(ids.find((_, i) => !users[i])));
    for (const u of users as SimUser[]) {
      u.riskState = state;
      u.riskLevel = state === "confirmedCompromised" ? "high" : "none";
      u.riskLastUpdatedDateTime = rt.clock.iso();
    }
    return { status: 204 };
  };
}

const atRisk = (ctx: GraphContext) => ctx.tenant.users.filter((u) => u.riskState !== "none");

export const riskRoutes: Route[] = [
  {
    op: "listRiskyUsers", method: "GET", pattern: path("/identityProtection/riskyUsers"), licence: "p2", bucket: "identityProtection",
    permissions: ["IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All"], handle: (ctx) => ok(collection(ctx, atRisk(ctx).map(riskyUserView))),
  },
  {
    op: "getRiskyUser", method: "GET", pattern: path("/identityProtection/riskyUsers/:id"), licence: "p2", bucket: "identityProtection",
    permissions: ["IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All"],
    handle: (ctx, [id]) => {
      const u = atRisk(ctx).find((x) => x.id === id);
      if (!u) throw notFound(id!);
      return ok(riskyUserView(u));
    },
  },
  {
    op: "confirmCompromised", method: "POST", pattern: path("/identityProtection/riskyUsers/~confirmCompromised"), licence: "p2", bucket: "identityProtection",
    permissions: ["IdentityRiskyUser.ReadWrite.All"], handle: setRisk("confirmedCompromised"),
  },
  {
    op: "dismissRiskyUser", method: "POST", pattern: path("/identityProtection/riskyUsers/~dismiss"), licence: "p2", bucket: "identityProtection",
    permissions: ["IdentityRiskyUser.ReadWrite.All"], handle: setRisk("dismissed"),
  },
];
