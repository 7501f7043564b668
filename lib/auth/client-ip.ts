// The client IP for throttling failed sign-ins. The production server (scripts/server.mjs)
// derives it from the socket and TRUSTED_PROXY_HOPS, drops any copy a client sent, and sets
// CLIENT_IP_HEADER. Elsewhere (`next dev`, a bare `next start`) that header could come from the
// client, so it is ignored and every attempt shares one bucket: stricter, never bypassable.

/** Same value as scripts/server.mjs (a test checks they agree). */
export const CLIENT_IP_HEADER = "x-breachdesk-client-ip";
export const SHARED_BUCKET = "shared";
const SERVER_MARKER = Symbol.for("breachdesk.client-ip-header");

type HeaderValue = string | string[] | null | undefined;

export function isBehindBreachdeskServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[SERVER_MARKER] === true;
}

/** The throttling key for this request's client, from the header the server set. */
export function clientIpFrom(header: HeaderValue, trusted = isBehindBreachdeskServer()): string {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!trusted || !value || value.length > 64) return SHARED_BUCKET;
  return value;
}
