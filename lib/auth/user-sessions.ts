import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role, SessionRevocation } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/create-client";
import { isTouchDue, sessionEndReason, type SessionEnd, type SessionLimits } from "./session-rules";

// Server-side sessions. The JWT stays the cookie format (next-auth v4 credentials require it),
// but it only carries the id of a UserSession row; every request checks that row and its user in
// one query, so sign-out, deactivation, a role change and idleness end a session at once.

export type SessionClaims = { sid?: unknown; uid?: unknown; role?: unknown };

export type SessionUser = { id: string; email: string; name: string; role: Role; tenantId: string | null; servesAllTenants: boolean };

export type SessionCheck = { user: SessionUser; ended?: undefined } | { user?: undefined; ended: SessionEnd };

type Row = {
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  revokedReason: SessionRevocation | null;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  servesAllTenants: boolean;
  isActive: boolean;
};

/** A session row older than this is past any possible lifetime (SESSION_MAX_AGE_HOURS is at most 12). */
export const SESSION_ROW_RETENTION_MS = 24 * 3_600_000;

/** Opens a session for a user who has just proved who they are; returns its id (the JWT's sid). */
export async function startUserSession(
  db: Db,
  input: { userId: string; ip?: string; userAgent?: string },
  now = new Date(),
): Promise<string> {
  // Rows past any possible lifetime are of no further use: drop this user's on the way.
  await db.userSession.deleteMany({
    where: { userId: input.userId, createdAt: { lt: new Date(now.getTime() - SESSION_ROW_RETENTION_MS) } },
  });
  const row = await db.userSession.create({
    data: { userId: input.userId, createdAt: now, lastSeenAt: now, ip: input.ip?.slice(0, 64), userAgent: input.userAgent?.slice(0, 300) },
    select: { id: true },
  });
  return row.id;
}

async function readSession(db: Db, sid: string): Promise<Row | null> {
  // One round trip for the session and its user (a Prisma include would be two queries).
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."userId", s."createdAt", s."lastSeenAt", s."revokedAt", s."revokedReason"::text AS "revokedReason",
           u.email, u.name, u.role::text AS role, u."tenantId", u."servesAllTenants", u."isActive"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sid}`;
  return rows[0] ?? null;
}

const isUuid = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v);

/**
 * The user behind a session token, or why there is none. With `touch`, a live session's
 * lastSeenAt is moved to now when it is at least a minute old (the idle clock).
 */
export async function checkUserSession(
  db: Db,
  claims: SessionClaims,
  limits: SessionLimits,
  options: { touch: boolean; now?: Date },
): Promise<SessionCheck> {
  const now = options.now ?? new Date();
  if (!isUuid(claims.sid)) return { ended: "missing" };
  const row = await readSession(db, claims.sid);
  // A token whose user or role does not match its session was not issued with it.
  if (!row || row.userId !== claims.uid) return { ended: "missing" };
  const ended = sessionEndReason({ ...row, userIsActive: row.isActive }, limits, now);
  if (ended) return { ended };
  if (row.role !== claims.role) return { ended: "role-changed" };
  if (options.touch && isTouchDue(row.lastSeenAt, now)) {
    await db.userSession.updateMany({ where: { id: claims.sid, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    user: {
      id: row.userId,
      email: row.email,
      name: row.name,
      role: row.role,
      tenantId: row.tenantId,
      servesAllTenants: row.servesAllTenants,
    },
  };
}

/** Why a (dead) session ended, for the sign-in page: null when it is live or unknown. */
export async function describeSessionEnd(db: Db, claims: SessionClaims, limits: SessionLimits): Promise<SessionEnd | null> {
  const check = await checkUserSession(db, claims, limits, { touch: false });
  return check.ended ?? null;
}

/** Ends one session; false when it was already over (or never existed). */
export async function revokeUserSession(db: Db, sid: unknown, reason: SessionRevocation, now = new Date()): Promise<boolean> {
  if (!isUuid(sid)) return false;
  const { count } = await db.userSession.updateMany({
    where: { id: sid, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count > 0;
}

/** Ends every session of a user (deactivation, role change); call inside the change's transaction. */
export async function revokeAllUserSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  reason: SessionRevocation,
  now = new Date(),
): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}
