// The hard session limit. next-auth re-issues its JWT (with a fresh expiry) whenever the session
// endpoint is called, so a session in use would never end on its own; the sign-in time is stored
// in the token instead and checked on every request (lib/auth/viewer.ts, lib/auth/options.ts).

const CLOCK_SKEW_MS = 60_000;

export function nowInSeconds(now = Date.now()): number {
  return Math.floor(now / 1000);
}

/** True when the token has no sign-in time, or it is older than the limit (or in the future). */
export function isSessionTooOld(signedInAt: unknown, maxAgeHours: number, now = Date.now()): boolean {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return true;
  const ageMs = now - signedInAt * 1000;
  return ageMs < -CLOCK_SKEW_MS || ageMs > maxAgeHours * 3_600_000;
}
