import { createHash } from "node:crypto";
import { ensureServicePrincipal } from "../applications";
import { roleById, roleByName } from "../directory-roles";
import type { FilterRules } from "../filter-rules";
import { badRequest, GraphHttpError, notFound, ok, type GraphContext } from "../http";
import { collection } from "../odata";
import type { Route, SimRuntime } from "../route";
import type { TenantState } from "../state";

// What connecting a tenant needs beyond consent, as Graph offers it:
// - role assignments (learn.microsoft.com/graph/api/rbacapplication-post-roleassignments and
//   rbacapplication-list-roleassignments): RoleManagement.ReadWrite.Directory to assign; a
//   delegated caller must also be a Privileged Role Administrator (or Global Administrator);
// - service principals (serviceprincipal-post-serviceprincipals, serviceprincipal-get with the
//   appId alternate key, serviceprincipal-list-memberof): Application.ReadWrite.All to create;
//   a delegated caller must be an Application or Cloud Application Administrator (or Global).
// Assumptions (stricter than or silent in the docs): listing role assignments needs a $filter
// (eq on principalId, roleDefinitionId or directoryScopeId); only directoryScopeId "/" exists;
// a duplicate assignment or principal is refused with 400 "conflicting object", as Entra
// answers other directory duplicates, never silently accepted.

export const MESSAGE_TRACE_APP_ID = "8bd644d1-64a1-4d4b-ae52-2e0cbf64e373";

const ROLE_ASSIGNMENT_FILTERS: FilterRules = {
  resource: "unifiedRoleAssignment",
  directory: true,
  properties: { principalId: ["eq"], roleDefinitionId: ["eq"], directoryScopeId: ["eq"] },
};

const READ_APPS = ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
const CONFLICT = "A conflicting object with one or more of the specified property values is present in the directory.";

/** A stable object id for principals the state keeps no id for (the tenant's own app, message trace). */
const derivedId = (tenantId: string, appId: string) => {
  const h = createHash("sha256").update(`${tenantId}|${appId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

type Principal = { id: string; appId: string | null; displayName: string; roles: string[]; kind: "servicePrincipal" | "user" };

function principals(t: TenantState): Principal[] {
  return [
    {
      id: derivedId(t.tenantId, t.app.clientId),
      appId: t.app.clientId,
      displayName: `${t.displayName} app`,
      roles: t.app.directoryRoles,
      kind: "servicePrincipal",
    },
    ...(t.servicePrincipals ?? []).map((sp): Principal => ({
      id: sp.id,
      appId: sp.appId,
      displayName: sp.displayName,
      roles: sp.directoryRoles,
      kind: "servicePrincipal",
    })),
    ...(t.licences.messageTraceServicePrincipal
      ? [
          {
            id: derivedId(t.tenantId, MESSAGE_TRACE_APP_ID),
            appId: MESSAGE_TRACE_APP_ID,
            displayName: "Message Trace",
            roles: [],
            kind: "servicePrincipal" as const,
          },
        ]
      : []),
    ...t.users.map((u): Principal => ({ id: u.id, appId: null, displayName: u.displayName, roles: u.directoryRoles, kind: "user" })),
  ];
}

const spView = (p: Principal) => ({
  id: p.id,
  appId: p.appId,
  displayName: p.displayName,
  servicePrincipalType: "Application",
  accountEnabled: true,
});
const assignmentId = (principalId: string, roleId: string) =>
  `${createHash("sha256").update(`${principalId}|${roleId}`).digest("base64url").slice(0, 43)}-1`;

function principalByKey(t: TenantState, key: string): Principal {
  const decoded = decodeURIComponent(key);
  const byAppId = /^\(appId='([^']+)'\)$/i.exec(decoded)?.[1];
  const found = principals(t).find(
    (p) =>
      p.kind === "servicePrincipal" && (byAppId ? p.appId?.toLowerCase() === byAppId.toLowerCase() : p.id === decoded.replace(/^\//, "")),
  );
  if (!found) throw notFound(byAppId ?? decoded);
  return found;
}

function listAssignments(ctx: GraphContext) {
  if (!ctx.query.get("$filter"))
    throw new GraphHttpError(
      400,
      "Request_UnsupportedQuery",
      "A $filter on principalId, roleDefinitionId or directoryScopeId is required.",
    );
  const rows = principals(ctx.tenant).flatMap((p) =>
    p.roles.flatMap((name) => {
      const role = roleByName(name);
      return role
        ? [{ id: assignmentId(p.id, role.id), principalId: p.id, roleDefinitionId: role.id, directoryScopeId: "/", appScopeId: null }]
        : [];
    }),
  );
  return ok(collection(ctx, rows, { filterRules: ROLE_ASSIGNMENT_FILTERS }));
}

function assignRole(ctx: GraphContext, _params: string[], rt: SimRuntime) {
  const body = (ctx.body ?? {}) as { principalId?: string; roleDefinitionId?: string; directoryScopeId?: string };
  if (!body.principalId || !body.roleDefinitionId) throw badRequest("principalId and roleDefinitionId are required.");
  if (body.directoryScopeId !== "/")
    throw new GraphHttpError(
      400,
      "Request_BadRequest",
      "directoryScopeId must be '/' (tenant-wide): administrative units are not modelled.",
    );
  const role = roleById(body.roleDefinitionId);
  if (!role) throw notFound(body.roleDefinitionId);
  const principal = principals(ctx.tenant).find((p) => p.id === body.principalId);
  if (!principal)
    throw new GraphHttpError(400, "Request_BadRequest", `Invalid principalId '${body.principalId}': no such user or service principal.`);
  if (principal.roles.includes(role.name)) throw new GraphHttpError(400, "Request_BadRequest", CONFLICT);
  principal.roles.push(role.name);
  ctx.tenant.audits.push({
    id: ctx.requestId,
    category: "RoleManagement",
    activityDisplayName: "Add member to role",
    activityDateTime: rt.clock.iso(),
    result: "success",
    loggedByService: "Core Directory",
    operationType: "Assign",
    initiatedBy: ctx.signedInUser
      ? { user: { id: ctx.signedInUser.id, userPrincipalName: ctx.signedInUser.userPrincipalName, ipAddress: null }, app: null }
      : { user: null, app: { appId: ctx.tenant.app.clientId, displayName: "Application" } },
    targetResources: [
      {
        id: principal.id,
        displayName: principal.displayName,
        type: principal.kind === "user" ? "User" : "ServicePrincipal",
        userPrincipalName: null,
      },
    ],
  });
  return ok(
    {
      "@odata.context": `${ctx.origin}/${ctx.version}/$metadata#roleManagement/directory/roleAssignments/$entity`,
      id: assignmentId(principal.id, role.id),
      principalId: principal.id,
      roleDefinitionId: role.id,
      directoryScopeId: "/",
      appScopeId: null,
    },
    201,
  );
}

function createServicePrincipal(ctx: GraphContext, _params: string[], rt: SimRuntime) {
  const appId = String((ctx.body as { appId?: unknown } | null)?.appId ?? "").toLowerCase();
  if (!appId) throw badRequest("appId is required.");
  const t = ctx.tenant;
  if (principals(t).some((p) => p.kind === "servicePrincipal" && p.appId?.toLowerCase() === appId))
    throw new GraphHttpError(400, "Request_BadRequest", CONFLICT);
  if (appId === MESSAGE_TRACE_APP_ID) {
    t.licences.messageTraceServicePrincipal = true;
  } else {
    const app = rt.applications?.get(appId);
    if (!app)
      throw new GraphHttpError(
        400,
        "Request_BadRequest",
        `The appId '${appId}' of the service principal does not reference a valid application object.`,
      );
    ensureServicePrincipal(t, app, rt.clock.iso());
  }
  const created = principals(t).find((p) => p.appId?.toLowerCase() === appId)!;
  return ok({ "@odata.context": `${ctx.origin}/${ctx.version}/$metadata#servicePrincipals/$entity`, ...spView(created) }, 201);
}

function memberOf(ctx: GraphContext, [key]: string[]) {
  const p = principalByKey(ctx.tenant, key!);
  const roles = p.roles.map((name) => ({
    "@odata.type": "#microsoft.graph.directoryRole",
    id: derivedId(p.id, name),
    displayName: name,
    roleTemplateId: roleByName(name)?.id ?? null,
  }));
  return ok(collection(ctx, roles));
}

export const directoryRoutes: Route[] = [
  {
    op: "listRoleAssignments",
    method: "GET",
    pattern: /^\/roleManagement\/directory\/roleAssignments$/i,
    delegatedRoles: [],
    permissions: ["RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory", "Directory.Read.All", "Directory.ReadWrite.All"],
    handle: listAssignments,
  },
  {
    op: "createRoleAssignment",
    method: "POST",
    pattern: /^\/roleManagement\/directory\/roleAssignments$/i,
    bucket: "identityWrites",
    permissions: ["RoleManagement.ReadWrite.Directory"],
    delegatedRoles: ["Privileged Role Administrator", "Global Administrator"],
    handle: assignRole,
  },
  {
    op: "createServicePrincipal",
    method: "POST",
    pattern: /^\/servicePrincipals$/i,
    bucket: "identityWrites",
    permissions: ["Application.ReadWrite.All"],
    delegatedRoles: ["Application Administrator", "Cloud Application Administrator", "Global Administrator"],
    handle: createServicePrincipal,
  },
  {
    op: "getServicePrincipalByAppId",
    method: "GET",
    pattern: /^\/servicePrincipals(\(appId=(?:'|%27)[^'%/]+(?:'|%27)\))$/i,
    permissions: READ_APPS,
    delegatedRoles: [],
    handle: (ctx, [key]) => ok(spView(principalByKey(ctx.tenant, key!))),
  },
  {
    op: "listServicePrincipalMemberOf",
    method: "GET",
    pattern: /^\/servicePrincipals(\(appId=(?:'|%27)[^'%/]+(?:'|%27)\)|\/[^/]+)\/memberOf$/i,
    permissions: READ_APPS,
    delegatedRoles: [],
    handle: memberOf,
  },
];
