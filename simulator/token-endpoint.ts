import { createHash } from "node:crypto";
import { servicePrincipalOf, type ApplicationRegistry, type SimApplication } from "./applications";
import type { AuthCodeStore } from "./auth-codes";
import { pkceMatches } from "./auth-codes";
import { checkClientAssertion, JWT_BEARER } from "./client-assertion";
import type { SimResponse } from "./http";
import { GRAPH_RESOURCE, type IdTokenSigner, type TokenService } from "./identity";
import type { SimRuntime } from "./route";
import { findUser, type TenantState } from "./state";

// POST /{tenant}/oauth2/v2.0/token: client credentials (learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow)
// and authorization codes (v2-oauth2-auth-code-flow). A client proves itself with a secret
// (client_secret_post or HTTP Basic) or a certificate assertion (client-assertion.ts). A tenant's
// own single-tenant app registration (state.app) answers to its secret; a registered multi-tenant
// app (applications.ts) gets an app-only token only in tenants where consent made its service
// principal, carrying what consent granted there.

export type Authority = { rt: SimRuntime; tokens: TokenService; idTokens: IdTokenSigner; apps: ApplicationRegistry; codes: AuthCodeStore };

export const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);
const GRAPH_PREFIX = `${GRAPH_RESOURCE}/`;

/**
 * Resources the simulated authority knows, by the identifier a scope may name: Graph, and a few
 * other Microsoft APIs so a token for the wrong API can be had (and refused by Graph: 401).
 */
const RESOURCES: Record<string, string> = {
  "https://graph.microsoft.com": GRAPH_RESOURCE,
  "https://graph.microsoft.com/": GRAPH_RESOURCE,
  "00000003-0000-0000-c000-000000000000": GRAPH_RESOURCE,
  "https://management.azure.com": "https://management.azure.com",
  "https://management.azure.com/": "https://management.azure.com",
  "https://outlook.office365.com": "https://outlook.office365.com",
  "https://vault.azure.net": "https://vault.azure.net",
};

export function oauthError(status: number, error: string, code: string, description: string): SimResponse {
  return {
    status,
    body: {
      error,
      error_description: `${code}: ${description}`,
      error_codes: [Number(code.replace("AADSTS", ""))],
      timestamp: new Date().toISOString(),
    },
  };
}

/** client_id and client_secret from the form or from HTTP Basic (RFC 6749 §2.3.1: form-encoded, then base64). */
function clientCredentialsOf(form: URLSearchParams, authorization: string | undefined) {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "")?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, "base64").toString().split(":");
    const unform = (v = "") => decodeURIComponent(v.replaceAll("+", " "));
    return { clientId: unform(id), secret: unform(secret) };
  }
  return { clientId: form.get("client_id") ?? "", secret: form.get("client_secret") };
}

/** null when the registered app proved itself, else Entra's error. */
function authenticateApp(app: SimApplication, form: URLSearchParams, secret: string | null, tokenEndpoint: string): SimResponse | null {
  if (form.get("client_assertion_type") === JWT_BEARER && form.get("client_assertion")) {
    const problem = checkClientAssertion(form.get("client_assertion")!, app, tokenEndpoint, Math.floor(Date.now() / 1000));
    return problem ? oauthError(401, "invalid_client", problem.code, problem.description) : null;
  }
  if (secret) {
    return app.secrets.includes(secret)
      ? null
      : oauthError(
          401,
          "invalid_client",
          "AADSTS7000215",
          "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
        );
  }
  return oauthError(
    401,
    "invalid_client",
    "AADSTS7000218",
    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  );
}

function clientCredentials(
  a: Authority,
  tenantSegment: string,
  form: URLSearchParams,
  authorization: string | undefined,
  tokenEndpoint: string,
): SimResponse {
  const tenant = a.rt.world.tenants.get(tenantSegment);
  if (!tenant) return oauthError(400, "invalid_request", "AADSTS90002", `Tenant '${tenantSegment}' not found.`);
  const { clientId, secret } = clientCredentialsOf(form, authorization);
  let roles: string[];
  if (clientId === tenant.app.clientId) {
    if (secret !== tenant.app.clientSecret) {
      return oauthError(
        401,
        "invalid_client",
        "AADSTS7000215",
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
      );
    }
    roles = tenant.app.permissions;
  } else {
    const app = a.apps.get(clientId);
    if (!app)
      return oauthError(
        400,
        "unauthorized_client",
        "AADSTS700016",
        `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'.`,
      );
    const refused = authenticateApp(app, form, secret, tokenEndpoint);
    if (refused) return refused;
    // A multi-tenant app has a service principal in a customer tenant only after consent.
    const sp = servicePrincipalOf(tenant, app.clientId);
    if (!sp)
      return oauthError(
        400,
        "unauthorized_client",
        "AADSTS7000229",
        `The client application ${app.clientId} is missing service principal in the tenant ${tenant.tenantId}.`,
      );
    roles = sp.permissions;
  }
  const scope = form.get("scope");
  if (!scope?.trim())
    return oauthError(400, "invalid_request", "AADSTS900144", "The request body must contain the following parameter: 'scope'.");
  // Client credentials ask for "<resource>/.default"; the OIDC scopes MSAL may add are ignored.
  const requested = scope
    .trim()
    .split(/\s+/)
    .filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (requested.length === 0 || requested.some((s) => !s.endsWith("/.default"))) {
    return oauthError(
      400,
      "invalid_scope",
      "AADSTS1002012",
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const resources = [...new Set(requested.map((s) => s.slice(0, -"/.default".length)))];
  if (resources.length > 1) {
    return oauthError(
      400,
      "invalid_scope",
      "AADSTS28000",
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
    );
  }
  const audience = RESOURCES[resources[0]!.toLowerCase()];
  if (!audience) {
    return oauthError(
      400,
      "invalid_resource",
      "AADSTS500011",
      `The resource principal named ${resources[0]} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    );
  }
  // The app's admin-consented permissions are Graph's; a token for another API carries none.
  const { token, expiresIn } = a.tokens.issue(
    { tid: tenant.tenantId, appid: clientId, roles: audience === GRAPH_RESOURCE ? [...roles] : [] },
    audience,
  );
  return { status: 200, body: { token_type: "Bearer", expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token } };
}

/** A Graph delegated scope by its short name ("RoleManagement.ReadWrite.Directory"), or null for OIDC scopes. */
export function graphScopeName(scope: string): string | null {
  if (OIDC_SCOPES.has(scope.toLowerCase())) return null;
  return scope.startsWith(GRAPH_PREFIX) ? scope.slice(GRAPH_PREFIX.length) : scope;
}

/** Pairwise subject: stable for one user and one app (learn.microsoft.com/entra/identity-platform/id-token-claims-reference, "sub"). */
const pairwiseSubject = (userId: string, clientId: string) =>
  createHash("sha256").update(`${userId}|${clientId}`).digest("base64url").slice(0, 43);

function redeemCode(
  a: Authority,
  tenantSegment: string,
  origin: string,
  form: URLSearchParams,
  authorization: string | undefined,
  tokenEndpoint: string,
): SimResponse {
  const { clientId, secret } = clientCredentialsOf(form, authorization);
  const app = a.apps.get(clientId);
  if (!app)
    return oauthError(
      400,
      "unauthorized_client",
      "AADSTS700016",
      `Application with identifier '${clientId}' was not found in the directory.`,
    );
  const refused = authenticateApp(app, form, secret, tokenEndpoint);
  if (refused) return refused;
  const code = a.codes.redeem(form.get("code"));
  if (code === "redeemed")
    return oauthError(
      400,
      "invalid_grant",
      "AADSTS54005",
      "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    );
  if (code === "unknown" || code === "expired")
    return oauthError(
      400,
      "invalid_grant",
      "AADSTS70008",
      "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
    );
  if (code.clientId !== app.clientId)
    return oauthError(400, "invalid_grant", "AADSTS70000", "The provided authorization code was issued to another client.");
  if (form.get("redirect_uri") !== code.redirectUri)
    return oauthError(
      400,
      "invalid_grant",
      "AADSTS70000",
      "The redirect_uri does not match the one the authorization code was issued for.",
    );
  const tenant = a.rt.world.tenants.get(code.tenantId);
  if (!tenant || (a.rt.world.tenants.has(tenantSegment) && tenantSegment !== code.tenantId)) {
    return oauthError(400, "invalid_grant", "AADSTS70000", "The authorization code was issued for another tenant.");
  }
  if (code.codeChallenge && !pkceMatches(form.get("code_verifier") ?? "", code.codeChallenge)) {
    return oauthError(
      400,
      "invalid_grant",
      "AADSTS501481",
      "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
    );
  }
  const user = findUser(tenant, code.userId);
  if (!user?.accountEnabled) return oauthError(400, "invalid_grant", "AADSTS50057", "The user account is disabled.");
  return { status: 200, body: codeTokens(a, origin, tenant, app.clientId, user.id, code, form.get("client_info") === "1") };
}

function codeTokens(
  a: Authority,
  origin: string,
  tenant: TenantState,
  clientId: string,
  userId: string,
  code: { scopes: string[]; nonce: string | null },
  clientInfo: boolean,
) {
  const user = findUser(tenant, userId)!;
  const graphScopes = code.scopes.map(graphScopeName).filter((s): s is string => Boolean(s));
  const { token, expiresIn } = a.tokens.issue({
    tid: tenant.tenantId,
    appid: clientId,
    roles: [],
    scp: graphScopes.join(" "),
    oid: user.id,
  });
  const now = Math.floor(Date.now() / 1000);
  const idToken = code.scopes.includes("openid")
    ? a.idTokens.sign({
        ver: "2.0",
        iss: `${origin}/${tenant.tenantId}/v2.0`,
        aud: clientId,
        iat: now,
        nbf: now,
        exp: now + 3600,
        sub: pairwiseSubject(user.id, clientId),
        oid: user.id,
        tid: tenant.tenantId,
        name: user.displayName,
        preferred_username: user.userPrincipalName,
        // email is an optional claim: Breachdesk's app registration must add it (README).
        email: user.mail,
        ...(code.nonce ? { nonce: code.nonce } : {}),
      })
    : undefined;
  return {
    token_type: "Bearer",
    scope: code.scopes.join(" "),
    expires_in: expiresIn,
    ext_expires_in: expiresIn,
    access_token: token,
    ...(idToken ? { id_token: idToken } : {}),
    ...(clientInfo ? { client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: tenant.tenantId })).toString("base64url") } : {}),
  };
}

export function tokenEndpoint(
  a: Authority,
  tenantSegment: string,
  origin: string,
  form: URLSearchParams,
  authorization?: string,
): SimResponse {
  const endpoint = `${origin}/${tenantSegment}/oauth2/v2.0/token`;
  const grant = form.get("grant_type");
  if (grant === "client_credentials") return clientCredentials(a, tenantSegment, form, authorization, endpoint);
  if (grant === "authorization_code") return redeemCode(a, tenantSegment, origin, form, authorization, endpoint);
  if (!a.rt.world.tenants.has(tenantSegment))
    return oauthError(400, "invalid_request", "AADSTS90002", `Tenant '${tenantSegment}' not found.`);
  return oauthError(400, "unsupported_grant_type", "AADSTS70003", "The app requested an unsupported grant type.");
}
