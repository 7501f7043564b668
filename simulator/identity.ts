import { createHmac, generateKeyPairSync, randomBytes, sign, timingSafeEqual } from "node:crypto";
import type { SimResponse } from "./http";

// The authority @azure/identity and MSAL talk to: OpenID discovery, signing keys and the token
// endpoint under each tenant id (token-endpoint.ts). Access tokens are HMAC-signed JWTs bound to
// the tenant, to the requested resource ("aud": Graph for https://graph.microsoft.com/.default)
// and to what the caller may do: an app's granted application permissions ("roles"), or a
// signed-in user's delegated scopes ("scp", with "oid"), with an expiry. Id tokens are RS256,
// verifiable with the published keys, as relying parties such as next-auth require.

export type TokenClaims = {
  tid: string;
  appid: string;
  roles: string[];
  exp: number;
  iat: number;
  aud: string;
  iss: string;
  scp?: string;
  oid?: string;
};

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

export const GRAPH_RESOURCE = "https://graph.microsoft.com";
/** What Graph accepts as its audience: its URI or its application id. */
export const GRAPH_AUDIENCES = [GRAPH_RESOURCE, "00000003-0000-0000-c000-000000000000"];

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

/** RS256 id tokens and the JWKS that verifies them (learn.microsoft.com/entra/identity-platform/id-tokens). */
export class IdTokenSigner {
  private readonly pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  readonly kid = randomBytes(12).toString("base64url");

  jwks() {
    const jwk = this.pair.publicKey.export({ format: "jwk" });
    return { keys: [{ kty: "RSA", use: "sig", alg: "RS256", kid: this.kid, n: jwk.n, e: jwk.e }] };
  }

  sign(claims: Record<string, unknown>): string {
    const unsigned = `${b64({ alg: "RS256", typ: "JWT", kid: this.kid })}.${b64(claims)}`;
    return `${unsigned}.${sign("sha256", Buffer.from(unsigned), this.pair.privateKey).toString("base64url")}`;
  }
}
