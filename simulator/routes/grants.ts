import { notFound, ok, type GraphContext } from "../http";
import { GRANT_FILTERS } from "../filter-rules";
import { readLagged, recordWrite } from "../lag";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import type { Grant } from "../state";

// OAuth consents (oauth2permissiongrant-list/get/delete): the list "might have replication
// delays", so grant reads lag behind deletes; one grant is read by GET /oauth2PermissionGrants/{id}
// (a `$filter=id eq` is not among the documented filters and answers 400).

const visibleGrants = (ctx: GraphContext, rt: SimRuntime): Grant[] => readLagged(rt, ctx.tenant, "grants", "all", ctx.tenant.grants);

const grantView = (g: Grant) => ({
  id: g.id,
  clientId: g.clientId,
  consentType: g.consentType,
  principalId: g.principalId,
  resourceId: g.resourceId,
  scope: g.scope,
});

function servicePrincipal(ctx: GraphContext, [id]: string[]) {
  const grant = ctx.tenant.grants.find((g) => g.clientId === id);
  if (!grant) throw notFound(id!);
  return ok({
    id: grant.clientId,
    appId: grant.clientId,
    displayName: grant.clientDisplayName,
    servicePrincipalType: "Application",
    accountEnabled: true,
  });
}

export const grantRoutes: Route[] = [
  {
    op: "listOAuth2PermissionGrants",
    method: "GET",
    pattern: path("/oauth2PermissionGrants"),
    permissions: ["Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    handle: (ctx, _p, rt) => ok(collection(ctx, visibleGrants(ctx, rt).map(grantView), { filterRules: GRANT_FILTERS })),
  },
  {
    op: "getOAuth2PermissionGrant",
    method: "GET",
    pattern: path("/oauth2PermissionGrants/:id"),
    permissions: ["Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    handle: (ctx, [id], rt) => {
      const grant = visibleGrants(ctx, rt).find((g) => g.id === decodeURIComponent(id!));
      if (!grant) throw notFound(id!);
      return ok({ "@odata.context": `${ctx.origin}/${ctx.version}/$metadata#oauth2PermissionGrants/$entity`, ...grantView(grant) });
    },
  },
  {
    op: "deleteOAuth2PermissionGrant",
    method: "DELETE",
    pattern: path("/oauth2PermissionGrants/:id"),
    bucket: "identityWrites",
    permissions: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    handle: (ctx, [id], rt) => {
      const grant = ctx.tenant.grants.find((g) => g.id === id);
      if (!grant) throw notFound(id!);
      recordWrite(rt, ctx.tenant, "grants", "all", ctx.tenant.grants);
      ctx.tenant.grants = ctx.tenant.grants.filter((g) => g !== grant);
      return { status: 204 };
    },
  },
  {
    op: "getServicePrincipal",
    method: "GET",
    pattern: path("/servicePrincipals/:id"),
    permissions: ["Application.Read.All", "Directory.Read.All"],
    handle: servicePrincipal,
  },
];
