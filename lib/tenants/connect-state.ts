import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

// The OAuth `state` of a round trip to Microsoft's sign-in (admin consent or the guided setup):
// bound to the Breachdesk user, the Breachdesk tenant, the purpose and an expiry, around a random
// nonce, and signed with HMAC-SHA256 under a key derived from NEXTAUTH_SECRET. The signature stops
// forgery and tampering (RFC 6749 §10.12: state binds the callback to the user agent's request);
// single use is the database's job (the nonce is a TenantConnectAttempt id, spent on first use).

export type ConnectPurpose = "CONSENT" | "SETUP";
export type StatePayload = { nonce: string; userId: string; tenantId: string; purpose: ConnectPurpose; expiresAt: number };
export type StateProblem = "malformed" | "bad-signature" | "expired" | "wrong-purpose";

/** How long a user has to finish at Microsoft's sign-in page. */
export const STATE_LIFETIME_MS = 15 * 60_000;

/** A key of its own for connect states, derived from the server secret (never the secret itself). */
export function stateKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret, "", "breachdesk/connect-state/v1", 32));
}

export const newNonce = () => randomBytes(24).toString("base64url");

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest();

export function signState(payload: StatePayload, key: Buffer): string {
  const body = Buffer.from(
    JSON.stringify({ n: payload.nonce, u: payload.userId, t: payload.tenantId, p: payload.purpose, e: payload.expiresAt }),
  ).toString("base64url");
  return `${body}.${mac(key, body).toString("base64url")}`;
}

export function verifyState(
  state: string | null | undefined,
  key: Buffer,
  purpose: ConnectPurpose,
  now = Date.now(),
): { payload: StatePayload } | { problem: StateProblem } {
  const [body, signature, extra] = (state ?? "").split(".");
  if (!body || !signature || extra !== undefined || body.length > 1000) return { problem: "malformed" };
  const given = Buffer.from(signature, "base64url");
  const expected = mac(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: "bad-signature" };
  let raw: { n?: unknown; u?: unknown; t?: unknown; p?: unknown; e?: unknown };
  try {
    raw = JSON.parse(Buffer.from(body, "base64url").toString()) as typeof raw;
  } catch {
    return { problem: "malformed" };
  }
  if (
    typeof raw.n !== "string" ||
    typeof raw.u !== "string" ||
    typeof raw.t !== "string" ||
    typeof raw.e !== "number" ||
    (raw.p !== "CONSENT" && raw.p !== "SETUP")
  )
    return { problem: "malformed" };
  if (raw.p !== purpose) return { problem: "wrong-purpose" };
  if (raw.e <= now) return { problem: "expired" };
  return { payload: { nonce: raw.n, userId: raw.u, tenantId: raw.t, purpose: raw.p, expiresAt: raw.e } };
}
