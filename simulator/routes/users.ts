import { badRequest, GraphHttpError, notFound, ok, type GraphContext } from "../http";
import { collection } from "../odata";
import { path, userPermissionsForRead, type Route, type SimRuntime } from "../route";
import { findUser, type SimUser, type TenantState } from "../state";

export function userView(u: SimUser) {
  return {
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    mail: u.mail,
    accountEnabled: u.accountEnabled,
    userType: "Member",
    signInSessionsValidFromDateTime: u.signInSessionsValidFromDateTime,
  };
}

export function requireUser(t: TenantState, id: string): SimUser {
  const user = findUser(t, id);
  if (!user) throw notFound(decodeURIComponent(id));
  return user;
}

function appAudit(ctx: GraphContext, rt: SimRuntime, u: SimUser, activity: string) {
  ctx.tenant.audits.push({
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

type UserPatch = { passwordProfile?: { password?: string; forceChangePasswordNextSignIn?: boolean }; accountEnabled?: boolean; displayName?: string };

function patchPermissions(ctx: GraphContext): string[] {
  const body = (ctx.body ?? {}) as UserPatch;
  if (body.passwordProfile) return ["User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"];
  if ("accountEnabled" in body) return ["User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All"];
  return ["User.ReadWrite.All", "Directory.ReadWrite.All"];
}

function patchUser(ctx: GraphContext, [id]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const body = (ctx.body ?? {}) as UserPatch;
  if (typeof body !== "object" || Array.isArray(body)) throw badRequest("The request body must be a user object.");
  if (body.passwordProfile) {
    // App-only password resets also need a directory role on the app's service principal.
    const needed = u.isAdmin ? "Privileged Authentication Administrator" : "User Administrator";
    const roles = ctx.tenant.app.directoryRoles;
    if (!roles.includes(needed) && !roles.includes("Privileged Authentication Administrator")) {
      throw new GraphHttpError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }
    const password = body.passwordProfile.password;
    if (!password || password.length < 8) throw new GraphHttpError(400, "Request_BadRequest", "The specified password does not comply with password complexity requirements.");
    u.password = password;
    u.forceChangePasswordNextSignIn = body.passwordProfile.forceChangePasswordNextSignIn ?? false;
    appAudit(ctx, rt, u, "Reset user password");
  }
  if (body.accountEnabled !== undefined) {
    if (typeof body.accountEnabled !== "boolean") throw badRequest("Invalid value for property 'accountEnabled'.");
    u.accountEnabled = body.accountEnabled;
    appAudit(ctx, rt, u, body.accountEnabled ? "Enable account" : "Disable account");
  }
  if (typeof body.displayName === "string") u.displayName = body.displayName;
  return { status: 204 };
}

function revokeSessions(ctx: GraphContext, [id]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  u.signInSessionsValidFromDateTime = rt.clock.iso();
  appAudit(ctx, rt, u, "Revoke user sessions");
  return ok({ "@odata.context": `${ctx.origin}/${ctx.version}/$metadata#Edm.Boolean`, value: true });
}

function memberOf(ctx: GraphContext, [id]: string[]) {
  const u = requireUser(ctx.tenant, id!);
  const roles = u.directoryRoles.map((displayName, i) => ({ "@odata.type": "#microsoft.graph.directoryRole", id: `${u.id.slice(0, 8)}-role-${i}`, displayName, roleTemplateId: null }));
  return ok(collection(ctx, roles));
}

export const userRoutes: Route[] = [
  { op: "listUsers", method: "GET", pattern: path("/users"), permissions: userPermissionsForRead(), handle: (ctx) => ok(collection(ctx, ctx.tenant.users.map(userView))) },
  { op: "getUser", method: "GET", pattern: path("/users/:id"), permissions: userPermissionsForRead(), handle: (ctx, [id]) => ok((collection(ctx, [userView(requireUser(ctx.tenant, id!))]).value as unknown[])[0]) },
  { op: "updateUser", method: "PATCH", pattern: path("/users/:id"), permissions: patchPermissions, bucket: "identityWrites", handle: patchUser },
  { op: "revokeSignInSessions", method: "POST", pattern: path("/users/:id/~revokeSignInSessions"), permissions: ["User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"], bucket: "identityWrites", handle: revokeSessions },
  { op: "listMemberOf", method: "GET", pattern: path("/users/:id/memberOf"), permissions: ["Directory.Read.All", "User.Read.All", "GroupMember.Read.All"], handle: memberOf },
];
