import { createHash, randomBytes } from "node:crypto";

// Authorization codes from the authorize endpoint, redeemed once at the token endpoint. Entra's
// codes are short-lived and single-use (learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow:
// "Authorization codes are short lived, typically they expire after about 10 minutes").
// Assumption: a code is refused from its first redemption on, even when that redemption failed.

export type AuthCode = {
  clientId: string;
  redirectUri: string;
  tenantId: string;
  userId: string;
  /** Granted scopes as requested: OIDC scopes and Graph scopes by short name. */
  scopes: string[];
  nonce: string | null;
  /** PKCE (RFC 7636): the S256 challenge the client sent, if any. */
  codeChallenge: string | null;
  expiresAt: number;
};

const LIFETIME_MS = 10 * 60_000;

export class AuthCodeStore {
  private readonly codes = new Map<string, AuthCode & { redeemed: boolean }>();

  issue(code: Omit<AuthCode, "expiresAt">, now = Date.now()): string {
    const value = randomBytes(32).toString("base64url");
    this.codes.set(value, { ...code, expiresAt: now + LIFETIME_MS, redeemed: false });
    return value;
  }

  /** The code's grant, or why it cannot be redeemed. Marks it redeemed either way. */
  redeem(value: string | null, now = Date.now()): AuthCode | "unknown" | "expired" | "redeemed" {
    const code = value ? this.codes.get(value) : undefined;
    if (!code) return "unknown";
    if (code.redeemed) return "redeemed";
    code.redeemed = true;
    return code.expiresAt <= now ? "expired" : code;
  }
}

/** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) must equal the challenge. */
export function pkceMatches(verifier: string, challenge: string): boolean {
  return /^[A-Za-z0-9._~-]{43,128}$/.test(verifier) && createHash("sha256").update(verifier).digest("base64url") === challenge;
}
