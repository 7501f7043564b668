import { ConfidentialClientApplication, CryptoProvider, LogLevel } from "@azure/msal-node";
import { AppError } from "@/lib/errors";
import type { AppCredential } from "./app-credentials";

// The guided setup's delegated sign-in: authorization code + PKCE
// (learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow) for Breachdesk's app,
// a confidential client that proves itself with its certificate (or secret) when it redeems the
// code. MSAL does the redemption; Breachdesk builds the authorize URL itself (its state and
// PKCE challenge are stored server-side, lib/tenants/connect.ts). Tokens are never logged and
// never stored: the access token is used once, for the setup, and dropped.

export type PkcePair = { verifier: string; challenge: string };

export async function newPkcePair(): Promise<PkcePair> {
  return new CryptoProvider().generatePkceCodes();
}

export type CodeRedemption = {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  credentials: AppCredential[];
  code: string;
  redirectUri: string;
  codeVerifier: string;
  scopes: string[];
};

export type DelegatedToken = { accessToken: string; expiresOnTimestamp: number; tenantId: string; userObjectId: string; username: string };

/** Entra refused the client's own credential: the next configured one may be accepted. */
const CREDENTIAL_REFUSED = /AADSTS(7000215|7000222|700027|700024|50013)\b/;

function clientFor(r: CodeRedemption, credential: AppCredential): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: r.clientId,
      authority: `${r.authorityHost}/${r.tenantId}`,
      knownAuthorities: [new URL(r.authorityHost).host],
      ...(credential.kind === "certificate"
        ? { clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKeyPem } }
        : { clientSecret: credential.secret }),
    },
    // Errors only, and never personal data or tokens.
    system: { loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} } },
  });
}

export async function redeemAuthorizationCode(r: CodeRedemption): Promise<DelegatedToken> {
  let last: unknown;
  for (const credential of r.credentials) {
    try {
      const result = await clientFor(r, credential).acquireTokenByCode({
        code: r.code,
        redirectUri: r.redirectUri,
        scopes: r.scopes,
        codeVerifier: r.codeVerifier,
      });
      const claims = (result.idTokenClaims ?? {}) as { tid?: string; oid?: string; preferred_username?: string };
      return {
        accessToken: result.accessToken,
        expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000,
        tenantId: String(claims.tid ?? result.tenantId ?? ""),
        userObjectId: String(claims.oid ?? result.uniqueId ?? ""),
        username: String(claims.preferred_username ?? result.account?.username ?? ""),
      };
    } catch (error) {
      last = error;
      if (
        !CREDENTIAL_REFUSED.test(
          String((error as { errorMessage?: string; message?: string }).errorMessage ?? (error as Error).message ?? ""),
        )
      )
        break;
    }
  }
  const code =
    /AADSTS\d+/.exec(String((last as { errorMessage?: string; message?: string })?.errorMessage ?? (last as Error)?.message ?? ""))?.[0] ??
    null;
  throw new AppError("UPSTREAM_ERROR", `Microsoft Entra did not complete the sign-in${code ? ` (${code})` : ""}: start the setup again.`, {
    graphCode: code,
    graphStatus: 400,
    requestId: null,
  });
}
