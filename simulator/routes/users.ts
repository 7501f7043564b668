import { badRequest, GraphHttpError, notFound, ok, type GraphContext } from "../http";
import { pushAudit, readLagged, recordWrite } from "../lag";
import { collection } from "../odata";
import { path, userPermissionsForRead, type Route, type SimRuntime } from "../route";
import { findUser, rolesOf, type SimUser, type TenantState } from "../state";

/** The user as a read sees it: the properties writes change come from the replica (lag.ts). */
export function userView(u: SimUser, rt: SimRuntime, t: TenantState) {
  const lagged = <K extends keyof SimUser>(field: K) => readLagged(rt, t, "user", `${u.id}:${field}`, u[field]);
  return {
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    mail: u.mail,
    accountEnabled: lagged("accountEnabled"),
    userType: "Member",
    signInSessionsValidFromDateTime: lagged("signInSessionsValidFromDateTime"),
    lastPasswordChangeDateTime: lagged("lastPasswordChangeDateTime"),
  };
}

/** Changes a user property, with read-after-write lag for what reads see. */
export function writeUser<K extends keyof SimUser>(rt: SimRuntime, t: TenantState, u: SimUser, field: K, value: SimUser[K]) {
  recordWrite(rt, t, "user", `${u.id}:${field}`, u[field]);
  u[field] = value;
}

export function requireUser(t: TenantState, id: string): SimUser {
  const user = findUser(t, id);
  if (!user) throw notFound(decodeURIComponent(id));
  return user;
}

function appAudit(ctx: GraphContext, rt: SimRuntime, u: SimUser, activity: string) {
  pushAudit(rt, ctx.tenant, {
    id: ctx.requestId,
    category: "UserManagement",
    activityDisplayName: activity,
    activityDateTime: rt.clock.iso(),
    result: "success",
    loggedByService: "Core Directory",
    operationType: "Update",
    initiatedBy: { user: null, app: { appId: ctx.tenant.app.clientId, displayName: "Breachdesk" } },
    targetResources: [{ id: u.id, displayName: u.displayName, type: "User", userPrincipalName: u.userPrincipalName }],
  });
}

type UserPatch = {
  passwordProfile?: { password?: string; forceChangePasswordNextSignIn?: boolean };
  accountEnabled?: boolean;
  displayName?: string;
};

function patchPermissions(ctx: GraphContext): string[] {
  const body = (ctx.body ?? {}) as UserPatch;
  if (body.passwordProfile) return ["User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"];
  if ("accountEnabled" in body) return ["User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All"];
  return ["User.ReadWrite.All", "Directory.ReadWrite.All"];
}

const ABOVE_ALL = ["Privileged Authentication Administrator", "Global Administrator"];

/**
 * Resetting a password and enabling/disabling an account are "sensitive actions": on a user who
 * holds an admin role (directly, through a group or PIM-eligible — the docs do not say eligible
 * roles count; we take the stricter reading) the app needs a higher role, e.g. Privileged
 * Authentication Administrator (learn.microsoft.com/graph/api/resources/users, "Who can perform
 * sensitive actions"); on anyone else User Administrator suffices for a reset. Graph answers the
 * same 403 as for a missing permission.
 */
function assertRoleFor(ctx: GraphContext, u: SimUser, action: "reset" | "enable") {
  const held = ctx.tenant.app.directoryRoles;
  const privileged = u.isAdmin || rolesOf(ctx.tenant, u).length > 0;
  const enough = privileged ? ABOVE_ALL : action === "reset" ? ["User Administrator", ...ABOVE_ALL] : null;
  if (enough && !enough.some((r) => held.includes(r)))
    throw new GraphHttpError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
}

function patchUser(ctx: GraphContext, [id]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const body = (ctx.body ?? {}) as UserPatch;
  if (typeof body !== "object" || Array.isArray(body)) throw badRequest("The request body must be a user object.");
  if (body.passwordProfile) {
    assertRoleFor(ctx, u, "reset");
    const password = body.passwordProfile.password;
    if (!password || password.length < 8)
      throw new GraphHttpError(400, "Request_BadRequest", "The specified password does not comply with password complexity requirements.");
    u.password = password;
    u.forceChangePasswordNextSignIn = body.passwordProfile.forceChangePasswordNextSignIn ?? false;
    if (rt.rules.adminResetMovesLastPasswordChange) writeUser(rt, ctx.tenant, u, "lastPasswordChangeDateTime", rt.clock.iso());
    appAudit(ctx, rt, u, "Reset user password");
  }
  if (body.accountEnabled !== undefined) {
    if (typeof body.accountEnabled !== "boolean") throw badRequest("Invalid value for property 'accountEnabled'.");
    assertRoleFor(ctx, u, "enable");
    writeUser(rt, ctx.tenant, u, "accountEnabled", body.accountEnabled);
    appAudit(ctx, rt, u, body.accountEnabled ? "Enable account" : "Disable account");
  }
  if (typeof body.displayName === "string") u.displayName = body.displayName;
  return { status: 204 };
}

function revokeSessions(ctx: GraphContext, [id]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  writeUser(rt, ctx.tenant, u, "signInSessionsValidFromDateTime", rt.clock.iso());
  appAudit(ctx, rt, u, "Revoke user sessions");
  return ok({ "@odata.context": `${ctx.origin}/${ctx.version}/$metadata#Edm.Boolean`, value: true });
}

const roleView = (u: SimUser, displayName: string, i: number, roleTemplateId: string | null = null) => ({
  "@odata.type": "#microsoft.graph.directoryRole",
  id: `${u.id.slice(0, 8)}-role-${i}`,
  displayName,
  roleTemplateId,
});

const groupView = (g: TenantState["groups"][number]) => ({
  "@odata.type": "#microsoft.graph.group",
  id: g.id,
  displayName: g.displayName,
  isAssignableToRole: true,
  securityEnabled: true,
  mailEnabled: false,
});

/** Direct memberships only: the groups, and the roles assigned to the user itself (user-list-memberof.md). */
function memberOf(ctx: GraphContext, [id]: string[]) {
  const u = requireUser(ctx.tenant, id!);
  const groups = ctx.tenant.groups.filter((g) => g.members.includes(u.id)).map(groupView);
  return ok(collection(ctx, [...u.directoryRoles.map((r, i) => roleView(u, r, i)), ...groups]));
}

/** Also the roles held through role-assignable groups; never PIM-eligible roles, which are not memberships. */
function transitiveMemberOf(ctx: GraphContext, [id]: string[]) {
  const u = requireUser(ctx.tenant, id!);
  const groups = ctx.tenant.groups.filter((g) => g.members.includes(u.id));
  const viaGroups = groups.flatMap((g) => g.directoryRoles).map((r, i) => roleView(u, r.displayName, 100 + i, r.roleTemplateId));
  return ok(collection(ctx, [...u.directoryRoles.map((r, i) => roleView(u, r, i)), ...viaGroups, ...groups.map(groupView)]));
}

const MEMBER_OF = ["Directory.Read.All", "User.Read.All", "GroupMember.Read.All"];

export const userRoutes: Route[] = [
  {
    op: "listUsers",
    method: "GET",
    pattern: path("/users"),
    permissions: userPermissionsForRead(),
    handle: (ctx, _p, rt) =>
      ok(
        collection(
          ctx,
          ctx.tenant.users.map((u) => userView(u, rt, ctx.tenant)),
        ),
      ),
  },
  {
    op: "getUser",
    method: "GET",
    pattern: path("/users/:id"),
    permissions: userPermissionsForRead(),
    handle: (ctx, [id], rt) => ok((collection(ctx, [userView(requireUser(ctx.tenant, id!), rt, ctx.tenant)]).value as unknown[])[0]),
  },
  {
    op: "updateUser",
    method: "PATCH",
    pattern: path("/users/:id"),
    permissions: patchPermissions,
    bucket: "identityWrites",
    handle: patchUser,
  },
  {
    op: "revokeSignInSessions",
    method: "POST",
    pattern: path("/users/:id/~revokeSignInSessions"),
    permissions: ["User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
    bucket: "identityWrites",
    handle: revokeSessions,
  },
  { op: "listMemberOf", method: "GET", pattern: path("/users/:id/memberOf"), permissions: MEMBER_OF, handle: memberOf },
  {
    op: "listTransitiveMemberOf",
    method: "GET",
    pattern: path("/users/:id/transitiveMemberOf"),
    permissions: MEMBER_OF,
    handle: transitiveMemberOf,
  },
];
