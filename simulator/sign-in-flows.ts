import { ensureServicePrincipal, grantAdminConsent, type SimApplication } from "./applications";
import { CONSENT_ADMIN_ROLES, DELEGATED_CONSENT_ROLES } from "./directory-roles";
import { NORTHWIND } from "./demo-tenants";
import { NORTHWIND_ADMIN_PASSWORD } from "./scenario/northwind";
import { errorPage, redirectTo, signInPage, type HtmlResponse } from "./sign-in-page";
import { findUser, type SimUser, type TenantState } from "./state";
import { graphScopeName, OIDC_SCOPES, type Authority } from "./token-endpoint";

// The two interactive endpoints, each a sign-in page posted back to itself:
// - GET|POST /{tenant}/v2.0/adminconsent (learn.microsoft.com/entra/identity-platform/v2-admin-consent):
//   an administrator grants the app's application permissions for the whole tenant; success
//   redirects with admin_consent=True&tenant=<tid>&scope=…&state=…, a refusal with error,
//   error_description and state.
// - GET|POST /{tenant}/oauth2/v2.0/authorize (v2-oauth2-auth-code-flow): a user signs in and
//   consents to delegated scopes; the redirect carries a single-use code (PKCE S256 honoured).
// Errors Entra shows on its own page (unknown app, unregistered redirect URI, a wrong password,
// an account of another tenant, a user who may not consent) are shown here and never reach the
// redirect URI. Assumptions where the docs are silent: only "query" responses; PKCE "plain" is
// refused; there is no second factor and no "consent on behalf of your organization" box.

const HINT = `Simulator: ${NORTHWIND.displayName}'s administrator is admin@${NORTHWIND.primaryDomain} with password ${NORTHWIND_ADMIN_PASSWORD}.`;
const GRAPH_DEFAULT = "https://graph.microsoft.com/.default";
/** Delegated Graph scopes a user may consent to alone; every other one needs an administrator. */
const USER_CONSENTABLE = new Set(["User.Read"]);

type Flow = "adminconsent" | "authorize";

function knownClient(
  a: Authority,
  tenantSegment: string,
  params: URLSearchParams,
): { app: SimApplication; redirectUri: string } | HtmlResponse {
  if (!["organizations", "common"].includes(tenantSegment) && !a.rt.world.tenants.has(tenantSegment)) {
    return errorPage("Sign in", `AADSTS90002: Tenant '${tenantSegment}' not found.`);
  }
  const clientId = params.get("client_id") ?? "";
  const app = a.apps.get(clientId);
  if (!app) return errorPage("Sign in", `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`);
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!app.redirectUris.includes(redirectUri)) {
    return errorPage(
      "Sign in",
      `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'.`,
    );
  }
  return { app, redirectUri };
}

/** The request's own errors, sent back to the (verified) redirect URI; null when it is well formed. */
function requestError(flow: Flow, params: URLSearchParams, redirectUri: string): HtmlResponse | null {
  const fail = (error: string, description: string) =>
    redirectTo(redirectUri, { error, error_description: description, state: params.get("state") });
  const scopes = (params.get("scope") ?? "").split(/\s+/).filter(Boolean);
  if (flow === "adminconsent") {
    return scopes.includes(GRAPH_DEFAULT)
      ? null
      : fail("invalid_request", `AADSTS900144: The request must contain the parameter 'scope' with ${GRAPH_DEFAULT}.`);
  }
  if (params.get("response_type") !== "code")
    return fail("unsupported_response_type", "AADSTS70000: The app requested an unsupported response type: only 'code' is supported.");
  if ((params.get("response_mode") ?? "query") !== "query")
    return fail("invalid_request", "AADSTS900144: Only response_mode=query is supported.");
  if (scopes.length === 0) return fail("invalid_request", "AADSTS900144: The request body must contain the following parameter: 'scope'.");
  if (scopes.some((s) => !OIDC_SCOPES.has(s) && !/^(https:\/\/graph\.microsoft\.com\/)?[A-Za-z]+(\.[A-Za-z]+)+$/.test(s))) {
    return fail("invalid_scope", `AADSTS70011: The provided value for the input parameter 'scope' is not valid: ${params.get("scope")}.`);
  }
  if (params.get("code_challenge") && params.get("code_challenge_method") !== "S256") {
    return fail("invalid_request", "AADSTS501491: Invalid code_challenge_method: use S256.");
  }
  return null;
}

function signIn(a: Authority, tenantSegment: string, form: URLSearchParams): { tenant: TenantState; user: SimUser } | string {
  const username = (form.get("username") ?? "").trim().toLowerCase();
  const home = [...a.rt.world.tenants.values()].find((t) => findUser(t, username));
  if (!home) return `AADSTS50034: The user account ${username || "(empty)"} does not exist in the directory.`;
  if (a.rt.world.tenants.has(tenantSegment) && home.tenantId !== tenantSegment) {
    return `AADSTS50020: User account '${username}' from identity provider '${home.tenantId}' does not exist in tenant '${a.rt.world.tenants.get(tenantSegment)!.displayName}' and cannot access the application in that tenant.`;
  }
  const user = findUser(home, username)!;
  if (form.get("password") !== user.password) return "AADSTS50126: Error validating credentials due to invalid username or password.";
  if (!user.accountEnabled) return "AADSTS50057: The user account is disabled.";
  return { tenant: home, user };
}

function asksFor(flow: Flow, app: SimApplication, params: URLSearchParams): string[] {
  if (flow === "adminconsent")
    return app.permissions.length
      ? app.permissions.map((p) => `${p} (application permission, for the whole organization)`)
      : ["Sign you in"];
  return (params.get("scope") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => graphScopeName(s) ?? s)
    .map((s) => (OIDC_SCOPES.has(s) ? `${s} (sign you in)` : `${s} (on your behalf)`));
}

export function handleSignInFlow(
  a: Authority,
  flow: Flow,
  tenantSegment: string,
  method: string,
  query: URLSearchParams,
  form: URLSearchParams,
): HtmlResponse {
  const params = method === "POST" ? new URLSearchParams(form.get("request") ?? "") : query;
  const client = knownClient(a, tenantSegment, params);
  if ("status" in client) return client;
  const { app, redirectUri } = client;
  const malformed = requestError(flow, params, redirectUri);
  if (malformed) return malformed;
  const page = (error?: string) =>
    signInPage({
      title: flow === "adminconsent" ? "Permissions requested: accept for your organization" : "Sign in and accept the permissions",
      appName: app.displayName,
      asks: asksFor(flow, app, params),
      request: params.toString(),
      hint: HINT,
      error,
      username: form.get("username") ?? undefined,
    });
  if (method !== "POST") return page();
  const state = params.get("state");
  if (form.get("decision") !== "accept") {
    return redirectTo(redirectUri, {
      error: "access_denied",
      error_subcategory: "cancel",
      error_description: "AADSTS65004: User declined to consent to access the app.",
      state,
    });
  }
  const who = signIn(a, tenantSegment, form);
  if (typeof who === "string") return page(who);
  const { tenant, user } = who;
  const now = a.rt.clock.iso();
  if (flow === "adminconsent") {
    if (!user.directoryRoles.some((r) => CONSENT_ADMIN_ROLES.includes(r))) {
      return page(
        `AADSTS90094: ${app.displayName} needs permission to access resources in your organization that only an admin can grant. Sign in as a Global Administrator or Privileged Role Administrator.`,
      );
    }
    grantAdminConsent(tenant, app, now);
    return redirectTo(redirectUri, { admin_consent: "True", tenant: tenant.tenantId, scope: GRAPH_DEFAULT, state });
  }
  const scopes = (params.get("scope") ?? "").split(/\s+/).filter(Boolean);
  const needsAdmin = scopes.map(graphScopeName).some((s) => s && !USER_CONSENTABLE.has(s));
  if (needsAdmin && !user.directoryRoles.some((r) => DELEGATED_CONSENT_ROLES.includes(r))) {
    return page(`AADSTS90094: ${app.displayName} asks for permissions that only an admin can grant.`);
  }
  // A user's consent creates the app's service principal in their tenant (without application permissions).
  ensureServicePrincipal(tenant, app, now);
  const code = a.codes.issue({
    clientId: app.clientId,
    redirectUri,
    tenantId: tenant.tenantId,
    userId: user.id,
    scopes,
    nonce: params.get("nonce"),
    codeChallenge: params.get("code_challenge"),
  });
  return redirectTo(redirectUri, { code, state });
}
