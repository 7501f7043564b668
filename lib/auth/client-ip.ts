// The client IP for throttling. `next start` appends the socket address to x-forwarded-for, so
// without a trusted proxy the last entry is the one a client cannot forge. Behind a reverse
// proxy (TRUST_PROXY=1) the proxy's own entry comes first.
export function clientIpFrom(forwardedFor: string | string[] | null | undefined, trustProxy: boolean): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header.split(",").map((s) => s.trim()).filter(Boolean);
  const ip = trustProxy ? entries[0] : entries.at(-1);
  return ip ?? "unknown";
}
