import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SimResponse } from "./http";
import type { WorldState } from "./state";

// The authority @azure/identity's client-credentials flow talks to: OpenID discovery and the
// token endpoint under each tenant id. Tokens are HMAC-signed JWTs bound to the tenant, to the
// requested resource ("aud": Graph for https://graph.microsoft.com/.default) and to the app's
// granted permissions ("roles"), with an expiry.

export type TokenClaims = { tid: string; appid: string; roles: string[]; exp: number; iat: number; aud: string; iss: string };

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

export const GRAPH_RESOURCE = "https://graph.microsoft.com";
/** What Graph accepts as its audience: its URI or its application id. */
export const GRAPH_AUDIENCES = [GRAPH_RESOURCE, "00000003-0000-0000-c000-000000000000"];

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
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

export class TokenService {
  private readonly key = randomBytes(32);
  constructor(private readonly lifetimeSeconds: () => number) {}

  issue(claims: Omit<TokenClaims, "exp" | "iat" | "aud" | "iss">, aud = GRAPH_RESOURCE): { token: string; expiresIn: number } {
    const iat = Math.floor(Date.now() / 1000);
    const expiresIn = this.lifetimeSeconds();
    const payload: TokenClaims = { ...claims, iat, exp: iat + expiresIn, aud, iss: `https://sts.windows.net/${claims.tid}/` };
    const unsigned = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(payload)}`;
    return { token: `${unsigned}.${createHmac("sha256", this.key).update(unsigned).digest("base64url")}`, expiresIn };
  }

  /** The claims of a valid token, or why it is not valid. */
  verify(token: string): { claims: TokenClaims } | { problem: string } {
    const [header, payload, signature] = token.split(".");
    if (!header || !payload || !signature) return { problem: "IDX14100: JWT is not well formed." };
    const expected = createHmac("sha256", this.key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: "Invalid signature." };
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as TokenClaims;
    if (claims.exp * 1000 <= Date.now()) return { problem: "Lifetime validation failed, the token is expired." };
    return { claims };
  }
}

export function openIdConfiguration(origin: string, tenantId: string): SimResponse {
  const base = `${origin}/${tenantId}`;
  return {
    status: 200,
    body: {
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${origin}/${tenantId}/discovery/v2.0/keys`,
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      tenant_region_scope: "EU",
      cloud_instance_name: "localhost",
    },
  };
}

function oauthError(status: number, error: string, code: string, description: string): SimResponse {
  return { status, body: { error, error_description: `${code}: ${description}`, error_codes: [Number(code.replace("AADSTS", ""))], timestamp: new Date().toISOString() } };
}

export function issueToken(world: WorldState, tokens: TokenService, tenantId: string, form: URLSearchParams): SimResponse {
  const tenant = world.tenants.get(tenantId);
  if (!tenant) return oauthError(400, "invalid_request", "AADSTS90002", `Tenant '${tenantId}' not found.`);
  if (form.get("grant_type") !== "client_credentials") return oauthError(400, "unsupported_grant_type", "AADSTS70003", "The app requested an unsupported grant type.");
  if (form.get("client_id") !== tenant.app.clientId) {
    return oauthError(400, "unauthorized_client", "AADSTS700016", `Application with identifier '${form.get("client_id")}' was not found in the directory '${tenant.displayName}'.`);
  }
  if (form.get("client_secret") !== tenant.app.clientSecret) {
    return oauthError(401, "invalid_client", "AADSTS7000215", "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
  }
  const scope = form.get("scope");
  if (!scope?.trim()) return oauthError(400, "invalid_request", "AADSTS900144", "The request body must contain the following parameter: 'scope'.");
  // Client credentials ask for "<resource>/.default"; the OIDC scopes MSAL may add are ignored.
  const requested = scope.trim().split(/\s+/).filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (requested.length === 0 || requested.some((s) => !s.endsWith("/.default"))) {
    return oauthError(400, "invalid_scope", "AADSTS1002012", `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const resources = [...new Set(requested.map((s) => s.slice(0, -"/.default".length)))];
  if (resources.length > 1) {
    return oauthError(400, "invalid_scope", "AADSTS28000", `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`);
  }
  const audience = RESOURCES[resources[0]!.toLowerCase()];
  if (!audience) {
    return oauthError(400, "invalid_resource", "AADSTS500011", `The resource principal named ${resources[0]} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
  }
  // The app's admin-consented permissions are Graph's; a token for another API carries none.
  const roles = audience === GRAPH_RESOURCE ? [...tenant.app.permissions] : [];
  const { token, expiresIn } = tokens.issue({ tid: tenantId, appid: tenant.app.clientId, roles }, audience);
  return { status: 200, body: { token_type: "Bearer", expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token } };
}
