// Warn ahead of a credential's expiry: Breachdesk's app stops working in every connected tenant
// the day its certificate or secret expires (A6: alert 30 days before).

export const EXPIRY_WARNING_DAYS = 30;

export type ExpiryState = { state: "ok" | "expiring" | "expired" | "unknown"; daysLeft: number | null };

export function expiryOf(expiresAt: Date | null, now = new Date()): ExpiryState {
  if (!expiresAt) return { state: "unknown", daysLeft: null };
  const daysLeft = Math.floor((expiresAt.getTime() - now.getTime()) / 86_400_000);
  if (expiresAt.getTime() <= now.getTime()) return { state: "expired", daysLeft };
  return { state: daysLeft < EXPIRY_WARNING_DAYS ? "expiring" : "ok", daysLeft };
}

/**
 * What the admin pages warn about: "expired" only when no credential is left that works (an
 * outage); "expiring" when one is expiring or expired while another still works.
 */
export function worstExpiry(credentials: { expiresAt: Date | null }[], now = new Date()): "ok" | "expiring" | "expired" {
  const states = credentials.map((c) => expiryOf(c.expiresAt, now).state);
  if (!states.length || states.every((s) => s === "expired")) return states.length ? "expired" : "ok";
  return states.some((s) => s === "expiring" || s === "expired") ? "expiring" : "ok";
}
