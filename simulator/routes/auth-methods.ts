import { badRequest, GraphHttpError, notFound, ok, type GraphContext } from "../http";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import type { AuthMethod } from "../state";
import { requireUser } from "./users";

function tapView(m: AuthMethod, now: Date) {
  const start = new Date(m.startDateTime ?? m.createdDateTime);
  const end = new Date(start.getTime() + (m.lifetimeInMinutes ?? 60) * 60_000);
  const reason = now < start ? "NotYetValid" : now > end ? "Expired" : "EnabledByPolicy";
  return {
    startDateTime: start.toISOString(), lifetimeInMinutes: m.lifetimeInMinutes ?? 60, isUsableOnce: m.isUsableOnce ?? false,
    isUsable: reason === "EnabledByPolicy", methodUsabilityReason: reason, temporaryAccessPass: null, // shown only when created
  };
}

function methodView(m: AuthMethod, now: Date) {
  const base = { "@odata.type": `#microsoft.graph.${m.kind}AuthenticationMethod`, id: m.id, createdDateTime: m.createdDateTime };
  switch (m.kind) {
    case "phone":
      return { ...base, phoneNumber: m.phoneNumber, phoneType: m.phoneType, smsSignInState: "notAllowedByPolicy" };
    case "email":
      return { ...base, emailAddress: m.emailAddress };
    case "password":
      return { ...base, password: null };
    case "windowsHelloForBusiness":
      return { ...base, displayName: m.displayName, keyStrength: m.keyStrength ?? "normal" };
    case "temporaryAccessPass":
      return { ...base, ...tapView(m, now) };
    default:
      return { ...base, displayName: m.displayName };
  }
}

/** The typed collections Graph lists, reads and deletes through (graph-api.md §2, 7/8). */
const KINDS: Record<string, AuthMethod["kind"]> = {
  phonemethods: "phone",
  microsoftauthenticatormethods: "microsoftAuthenticator",
  emailmethods: "email",
  softwareoathmethods: "softwareOath",
  fido2methods: "fido2",
  windowshelloforbusinessmethods: "windowsHelloForBusiness",
  temporaryaccesspassmethods: "temporaryAccessPass",
};

function kindOf(collectionName: string): AuthMethod["kind"] {
  const kind = KINDS[collectionName.toLowerCase()];
  if (!kind) throw badRequest(`Resource not found for the segment '${collectionName}'.`);
  return kind;
}

function listKind(ctx: GraphContext, [id, collectionName]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const kind = kindOf(collectionName!);
  return ok(collection(ctx, u.methods.filter((m) => m.kind === kind).map((m) => methodView(m, rt.clock.now()))));
}

/** One method: by its typed collection, or by /methods/{id} whatever its kind. */
function getMethod(ctx: GraphContext, [id, collectionName, methodId]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const kind = collectionName!.toLowerCase() === "methods" ? null : kindOf(collectionName!);
  const method = u.methods.find((m) => m.id === decodeURIComponent(methodId!) && (kind === null || m.kind === kind));
  if (!method) throw notFound(methodId!);
  return ok(methodView(method, rt.clock.now()));
}

function deleteMethod(ctx: GraphContext, [id, collectionName, methodId]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const kind = kindOf(collectionName!);
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
    handle: (ctx, [id], rt) => ok(collection(ctx, requireUser(ctx.tenant, id!).methods.map((m) => methodView(m, rt.clock.now())))),
  },
  {
    op: "getAuthenticationMethod", method: "GET", pattern: path("/users/:id/authentication/:kind/:methodId"), bucket: "reports",
    permissions: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"], handle: getMethod,
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
  {
    // Only the typed collections (phoneMethods, …): /requirements and /methods are not kinds.
    op: "listAuthenticationMethodsOfKind", method: "GET", pattern: /^\/users\/([^/]+)\/authentication\/([a-z0-9]+Methods)$/i, bucket: "reports",
    permissions: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"], handle: listKind,
  },
];
