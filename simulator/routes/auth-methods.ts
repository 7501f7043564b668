import { badRequest, GraphHttpError, notFound, ok, type GraphContext } from "../http";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import type { AuthMethod } from "../state";
import { requireUser } from "./users";

function methodView(m: AuthMethod) {
  const base = { "@odata.type": `#microsoft.graph.${m.kind}AuthenticationMethod`, id: m.id, createdDateTime: m.createdDateTime };
  switch (m.kind) {
    case "phone":
      return { ...base, phoneNumber: m.phoneNumber, phoneType: m.phoneType, smsSignInState: "notAllowedByPolicy" };
    case "email":
      return { ...base, emailAddress: m.emailAddress };
    case "password":
      return { ...base, password: null };
    default:
      return { ...base, displayName: m.displayName };
  }
}

const KINDS: Record<string, AuthMethod["kind"]> = {
  phonemethods: "phone",
  microsoftauthenticatormethods: "microsoftAuthenticator",
  emailmethods: "email",
  softwareoathmethods: "softwareOath",
  fido2methods: "fido2",
};

function deleteMethod(ctx: GraphContext, [id, collectionName, methodId]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const kind = KINDS[collectionName!.toLowerCase()];
  if (!kind) throw badRequest(`Resource not found for the segment '${collectionName}'.`);
  const method = u.methods.find((m) => m.id === methodId && m.kind === kind);
  if (!method) throw notFound(methodId!);
  u.methods = u.methods.filter((m) => m !== method);
  ctx.tenant.audits.push({
    id: ctx.requestId, category: "UserManagement", activityDisplayName: "Admin deleted security info", activityDateTime: rt.clock.iso(), result: "success",
    loggedByService: "Authentication Methods", operationType: "Delete", initiatedBy: { user: null, app: { appId: ctx.tenant.app.clientId, displayName: "Breachdesk" } },
    targetResources: [{ id: u.id, displayName: u.displayName, type: "User", userPrincipalName: u.userPrincipalName }],
  });
  return { status: 204 };
}

const MFA_STATES = ["disabled", "enabled", "enforced"] as const;

function patchRequirements(ctx: GraphContext, [id]: string[]) {
  const u = requireUser(ctx.tenant, id!);
  const state = (ctx.body as { perUserMfaState?: string } | null)?.perUserMfaState;
  if (!MFA_STATES.includes(state as never)) {
    throw new GraphHttpError(400, "badRequest", `Invalid value '${state}' for property 'perUserMfaState'.`);
  }
  u.perUserMfaState = state as (typeof MFA_STATES)[number];
  return { status: 204 };
}

export const authMethodRoutes: Route[] = [
  {
    op: "listAuthenticationMethods", method: "GET", pattern: path("/users/:id/authentication/methods"), bucket: "reports",
    permissions: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    handle: (ctx, [id]) => ok(collection(ctx, requireUser(ctx.tenant, id!).methods.map(methodView))),
  },
  {
    op: "deleteAuthenticationMethod", method: "DELETE", pattern: path("/users/:id/authentication/:kind/:methodId"), bucket: "reports",
    permissions: ["UserAuthenticationMethod.ReadWrite.All"], handle: deleteMethod,
  },
  {
    op: "getMfaRequirements", method: "GET", pattern: path("/users/:id/authentication/requirements"), versions: ["beta"],
    permissions: ["Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"],
    handle: (ctx, [id]) => ok({ "@odata.context": `${ctx.origin}/beta/$metadata#users('${id}')/authentication/requirements`, perUserMfaState: requireUser(ctx.tenant, id!).perUserMfaState }),
  },
  {
    op: "updateMfaRequirements", method: "PATCH", pattern: path("/users/:id/authentication/requirements"), versions: ["beta"], bucket: "identityWrites",
    permissions: ["Policy.ReadWrite.AuthenticationMethod"], handle: patchRequirements,
  },
];
