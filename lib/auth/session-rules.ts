import type { SessionRevocation } from "@/generated/prisma/enums";

// When a server-side session (UserSession) has ended. Pure, so the rules are unit-tested; the
// row is read and refreshed by lib/auth/user-sessions.ts.

/** lastSeenAt is refreshed at most this often, so most page views read but do not write. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionEnd = "signed-out" | "deactivated" | "revoked" | "role-changed" | "idle" | "expired" | "missing";

export type SessionState = {
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  revokedReason: SessionRevocation | null;
  userIsActive: boolean;
};

export type SessionLimits = { idleMinutes: number; maxAgeHours: number };

export function sessionLimitsOf(env: { SESSION_IDLE_MINUTES: number; SESSION_MAX_AGE_HOURS: number }): SessionLimits {
  return { idleMinutes: env.SESSION_IDLE_MINUTES, maxAgeHours: env.SESSION_MAX_AGE_HOURS };
}

const REVOKED: Record<SessionRevocation, SessionEnd> = {
  SIGNED_OUT: "signed-out",
  // Ended by a deactivation, but the user has been reactivated since: the session stays dead.
  DEACTIVATED: "revoked",
  ROLE_CHANGED: "role-changed",
};

/** Why the session is over, or null while it is live. A deactivated user outranks every other reason. */
export function sessionEndReason(s: SessionState | null, limits: SessionLimits, now = new Date()): SessionEnd | null {
  if (!s) return "missing";
  if (!s.userIsActive) return "deactivated";
  if (s.revokedAt) return s.revokedReason ? REVOKED[s.revokedReason] : "signed-out";
  if (now.getTime() - s.createdAt.getTime() > limits.maxAgeHours * 3_600_000) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() > limits.idleMinutes * 60_000) return "idle";
  return null;
}

/** True when lastSeenAt is old enough to be worth a write. */
export function isTouchDue(lastSeenAt: Date, now = new Date()): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** The sentence the sign-in page shows for a session that ended on its own (not for a sign-out). */
export function sessionEndMessage(reason: SessionEnd | null): string | undefined {
  if (reason === "deactivated") return "Your account was deactivated. Ask a platform admin if you need access again.";
  if (reason === "role-changed") return "Your role was changed, so your session has ended. Please sign in again.";
  if (reason === "idle" || reason === "expired" || reason === "revoked" || reason === "missing")
    return "Your session has ended. Please sign in again.";
  return undefined;
}
