import { notFound, ok, type GraphContext } from "../http";
import { GRANT_FILTERS } from "../filter-rules";
import { collection } from "../odata";
import { path, type Route } from "../route";
import type { Grant } from "../state";

const grantView = (g: Grant) => ({ id: g.id, clientId: g.clientId, consentType: g.consentType, principalId: g.principalId, resourceId: g.resourceId, scope: g.scope });

function servicePrincipal(ctx: GraphContext, [id]: string[]) {
  const grant = ctx.tenant.grants.find((g) => g.clientId === id);
  if (!grant) throw notFound(id!);
  return ok({ id: grant.clientId, appId: grant.clientId, displayName: grant.clientDisplayName, servicePrincipalType: "Application", accountEnabled: true });
}

export const grantRoutes: Route[] = [
  {
    op: "listOAuth2PermissionGrants", method: "GET", pattern: path("/oauth2PermissionGrants"),
    permissions: ["Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    handle: (ctx) => ok(collection(ctx, ctx.tenant.grants.map(grantView), { filterRules: GRANT_FILTERS })),
  },
  {
    op: "deleteOAuth2PermissionGrant", method: "DELETE", pattern: path("/oauth2PermissionGrants/:id"), bucket: "identityWrites",
    permissions: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    handle: (ctx, [id]) => {
      const grant = ctx.tenant.grants.find((g) => g.id === id);
      if (!grant) throw notFound(id!);
      ctx.tenant.grants = ctx.tenant.grants.filter((g) => g !== grant);
      return { status: 204 };
    },
  },
  { op: "getServicePrincipal", method: "GET", pattern: path("/servicePrincipals/:id"), permissions: ["Application.Read.All", "Directory.Read.All"], handle: servicePrincipal },
];
