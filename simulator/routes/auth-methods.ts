import { badRequest, GraphHttpError, notFound, ok, type GraphContext } from "../http";
import { pushAudit, readLagged, recordWrite } from "../lag";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import type { AuthMethod, SimUser, TenantState } from "../state";
import { defaultPhoneType, refuseDefaultChange } from "./default-method";
import { requireUser } from "./users";

function tapView(m: AuthMethod, now: Date) {
  const start = new Date(m.startDateTime ?? m.createdDateTime);
  const end = new Date(start.getTime() + (m.lifetimeInMinutes ?? 60) * 60_000);
  const reason = now < start ? "NotYetValid" : now > end ? "Expired" : "EnabledByPolicy";
  return {
    startDateTime: start.toISOString(),
    lifetimeInMinutes: m.lifetimeInMinutes ?? 60,
    isUsableOnce: m.isUsableOnce ?? false,
    isUsable: reason === "EnabledByPolicy",
    methodUsabilityReason: reason,
    temporaryAccessPass: null, // shown only when created
  };
}

/** Phone and email methods come without createdDateTime (state.ts): the 2024 published schema gives them none. */
const UNDATED = new Set<AuthMethod["kind"]>(["phone", "email", "password"]);

function methodView(m: AuthMethod, now: Date) {
  const base = {
    "@odata.type": `#microsoft.graph.${m.kind}AuthenticationMethod`,
    id: m.id,
    ...(UNDATED.has(m.kind) ? {} : { createdDateTime: m.createdDateTime }),
  };
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

/** The typed collections Graph lists, reads and deletes through (docs/design-basis.md, Graph facts: authentication methods). */
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

/** The methods as reads see them (read-after-write lag, lag.ts). */
const visibleMethods = (rt: SimRuntime, t: TenantState, u: SimUser): AuthMethod[] => readLagged(rt, t, "methods", u.id, u.methods);

function listKind(ctx: GraphContext, [id, collectionName]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const kind = kindOf(collectionName!);
  return ok(
    collection(
      ctx,
      visibleMethods(rt, ctx.tenant, u)
        .filter((m) => m.kind === kind)
        .map((m) => methodView(m, rt.clock.now())),
    ),
  );
}

/** One method: by its typed collection, or by /methods/{id} whatever its kind. */
function getMethod(ctx: GraphContext, [id, collectionName, methodId]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const kind = collectionName!.toLowerCase() === "methods" ? null : kindOf(collectionName!);
  const method = visibleMethods(rt, ctx.tenant, u).find(
    (m) => m.id === decodeURIComponent(methodId!) && (kind === null || m.kind === kind),
  );
  if (!method) throw notFound(methodId!);
  return ok(methodView(method, rt.clock.now()));
}

/**
 * learn.microsoft.com/graph/api/phoneauthenticationmethod-delete: a phone that is the user's
 * default MFA method cannot be deleted, nor `mobile` while `alternateMobile` exists. The page names
 * no status or code: we answer 400 badRequest (simulator/README.md), and the client relies on
 * neither the code nor the text.
 */
function refusePhoneDelete(u: SimUser, method: AuthMethod) {
  if (method.kind !== "phone") return;
  if (defaultPhoneType(u) === method.phoneType) {
    throw new GraphHttpError(
      400,
      "badRequest",
      "The phone method cannot be deleted because it is the user's default multifactor authentication method. Change the default method first.",
    );
  }
  if (method.phoneType === "mobile" && u.methods.some((m) => m.kind === "phone" && m.phoneType === "alternateMobile")) {
    throw new GraphHttpError(400, "badRequest", "The mobile phone method cannot be deleted while an alternate mobile phone method exists.");
  }
}

function deleteMethod(ctx: GraphContext, [id, collectionName, methodId]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const kind = kindOf(collectionName!);
  const method = u.methods.find((m) => m.id === methodId && m.kind === kind);
  if (!method) throw notFound(methodId!);
  refusePhoneDelete(u, method);
  recordWrite(rt, ctx.tenant, "methods", u.id, u.methods);
  u.methods = u.methods.filter((m) => m !== method);
  pushAudit(rt, ctx.tenant, {
    id: ctx.requestId,
    category: "UserManagement",
    activityDisplayName: "Admin deleted security info",
    activityDateTime: rt.clock.iso(),
    result: "success",
    loggedByService: "Authentication Methods",
    operationType: "Delete",
    initiatedBy: { user: null, app: { appId: ctx.tenant.app.clientId, displayName: "Breachdesk" } },
    targetResources: [{ id: u.id, displayName: u.displayName, type: "User", userPrincipalName: u.userPrincipalName }],
  });
  return { status: 204 };
}

const MFA_STATES = ["disabled", "enabled", "enforced"] as const;

function patchRequirements(ctx: GraphContext, [id]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const state = (ctx.body as { perUserMfaState?: string } | null)?.perUserMfaState;
  if (!MFA_STATES.includes(state as never)) {
    throw new GraphHttpError(400, "badRequest", `Invalid value '${state}' for property 'perUserMfaState'.`);
  }
  recordWrite(rt, ctx.tenant, "mfa", u.id, u.perUserMfaState);
  u.perUserMfaState = state as (typeof MFA_STATES)[number];
  return { status: 204 };
}

const prefsView = (ctx: GraphContext, u: SimUser, rt: SimRuntime) => ({
  "@odata.context": `${ctx.origin}/beta/$metadata#users('${u.id}')/authentication/signInPreferences`,
  ...readLagged(rt, ctx.tenant, "signInPreferences", u.id, u.signInPreferences),
});

function patchSignInPreferences(ctx: GraphContext, [id]: string[], rt: SimRuntime) {
  const u = requireUser(ctx.tenant, id!);
  const body = (ctx.body ?? {}) as Partial<SimUser["signInPreferences"]>;
  const next = { ...u.signInPreferences, ...body };
  refuseDefaultChange(u, next);
  recordWrite(rt, ctx.tenant, "signInPreferences", u.id, u.signInPreferences);
  u.signInPreferences = next;
  return { status: 204 };
}

export const authMethodRoutes: Route[] = [
  {
    op: "listAuthenticationMethods",
    method: "GET",
    pattern: path("/users/:id/authentication/methods"),
    bucket: "reports",
    permissions: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    handle: (ctx, [id], rt) =>
      ok(
        collection(
          ctx,
          visibleMethods(rt, ctx.tenant, requireUser(ctx.tenant, id!)).map((m) => methodView(m, rt.clock.now())),
        ),
      ),
  },
  {
    // Beta only (learn.microsoft.com/graph/api/authentication-get?view=graph-rest-beta, signInPreferences).
    op: "getSignInPreferences",
    method: "GET",
    pattern: path("/users/:id/authentication/signInPreferences"),
    versions: ["beta"],
    permissions: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    handle: (ctx, [id], rt) => ok(prefsView(ctx, requireUser(ctx.tenant, id!), rt)),
  },
  {
    op: "updateSignInPreferences",
    method: "PATCH",
    pattern: path("/users/:id/authentication/signInPreferences"),
    versions: ["beta"],
    bucket: "identityWrites",
    permissions: ["UserAuthenticationMethod.ReadWrite.All"],
    handle: patchSignInPreferences,
  },
  {
    op: "getAuthenticationMethod",
    method: "GET",
    pattern: path("/users/:id/authentication/:kind/:methodId"),
    bucket: "reports",
    permissions: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    handle: getMethod,
  },
  {
    op: "deleteAuthenticationMethod",
    method: "DELETE",
    pattern: path("/users/:id/authentication/:kind/:methodId"),
    bucket: "reports",
    permissions: ["UserAuthenticationMethod.ReadWrite.All"],
    handle: deleteMethod,
  },
  {
    op: "getMfaRequirements",
    method: "GET",
    pattern: path("/users/:id/authentication/requirements"),
    versions: ["beta"],
    permissions: ["Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"],
    handle: (ctx, [id], rt) => {
      const u = requireUser(ctx.tenant, id!);
      return ok({
        "@odata.context": `${ctx.origin}/beta/$metadata#users('${id}')/authentication/requirements`,
        perUserMfaState: readLagged(rt, ctx.tenant, "mfa", u.id, u.perUserMfaState),
      });
    },
  },
  {
    op: "updateMfaRequirements",
    method: "PATCH",
    pattern: path("/users/:id/authentication/requirements"),
    versions: ["beta"],
    bucket: "identityWrites",
    permissions: ["Policy.ReadWrite.AuthenticationMethod"],
    handle: patchRequirements,
  },
  {
    // Only the typed collections (phoneMethods, …): /requirements and /methods are not kinds.
    op: "listAuthenticationMethodsOfKind",
    method: "GET",
    pattern: /^\/users\/([^/]+)\/authentication\/([a-z0-9]+Methods)$/i,
    bucket: "reports",
    permissions: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    handle: listKind,
  },
];
