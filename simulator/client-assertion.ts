import { constants, verify } from "node:crypto";
import type { SimApplication } from "./applications";

// Certificate credentials (private_key_jwt): the client signs a short JWT with the private key
// of a certificate registered on the app. The format is on learn.microsoft.com/entra/identity-platform/certificate-credentials:
// header alg RS256 (or PS256, which MSAL uses) and x5t (or x5t#S256); claims aud = the token
// endpoint, iss = sub = the client id, jti, nbf, exp. Entra checks the signature against the
// certificate's public key and refuses an expired certificate.
// Assumptions (docs are silent), stricter where it matters: aud must be this token endpoint
// exactly; jti is required; nbf/exp allow five minutes of clock skew. A jti is NOT refused when
// reused: MSAL reuses its assertion for up to ten minutes, so Entra cannot refuse that.

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const SKEW_SECONDS = 300;

export type AssertionProblem = { code: string; description: string };

type Header = { alg?: string; x5t?: string; "x5t#S256"?: string; typ?: string };
type Claims = { aud?: string | string[]; iss?: string; sub?: string; jti?: string; nbf?: number; exp?: number };

const decode = <T>(part: string): T | null => {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString()) as T;
  } catch {
    return null;
  }
};

/** null when the assertion proves the app's identity, else Entra's error code and text. */
export function checkClientAssertion(
  assertion: string,
  app: SimApplication,
  tokenEndpoint: string,
  nowSeconds: number,
): AssertionProblem | null {
  const parts = assertion.split(".");
  const header = parts.length === 3 ? decode<Header>(parts[0]!) : null;
  const claims = parts.length === 3 ? decode<Claims>(parts[1]!) : null;
  if (!header || !claims) return { code: "AADSTS50027", description: "JWT token is invalid or malformed." };
  if (header.alg !== "RS256" && header.alg !== "PS256")
    return { code: "AADSTS5002730", description: `Invalid JWT token. Unsupported signing algorithm '${String(header.alg)}'.` };
  const thumbprint = header["x5t#S256"] ?? header.x5t;
  const cert = app.certificates.find((c) => (header["x5t#S256"] ? c.x5tS256 === header["x5t#S256"] : c.x5t === header.x5t));
  if (!cert) {
    return {
      code: "AADSTS700027",
      description: `Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${String(thumbprint)}']`,
    };
  }
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2]!, "base64url");
  const key =
    header.alg === "PS256"
      ? { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
      : cert.publicKey;
  if (!verify("sha256", signed, key, signature)) {
    return {
      code: "AADSTS700027",
      description:
        "Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value.]",
    };
  }
  if (cert.notAfter.getTime() <= nowSeconds * 1000) {
    return {
      code: "AADSTS700027",
      description: `The certificate with identifier used to sign the client assertion is expired on application. [Reason - The key used is expired., Thumbprint of key used by client: '${String(thumbprint)}']`,
    };
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(tokenEndpoint))
    return {
      code: "AADSTS50013",
      description: `Assertion failed validation: its audience claim does not match the token endpoint '${tokenEndpoint}'.`,
    };
  if (claims.iss !== app.clientId || claims.sub !== app.clientId) {
    return { code: "AADSTS700021", description: "Client assertion application identifier doesn't match 'client_id' parameter." };
  }
  if (!claims.jti) return { code: "AADSTS700022", description: "The client assertion has no 'jti' claim." };
  if (
    typeof claims.exp !== "number" ||
    claims.exp + SKEW_SECONDS <= nowSeconds ||
    (typeof claims.nbf === "number" && claims.nbf - SKEW_SECONDS > nowSeconds)
  ) {
    return { code: "AADSTS700024", description: "Client assertion is not within its valid time range." };
  }
  return null;
}
