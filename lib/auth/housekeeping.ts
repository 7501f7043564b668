import "server-only";
import type { Db } from "@/lib/db/create-client";
import { SESSION_ROW_RETENTION_MS } from "./user-sessions";

// Sign-in state that no check will read again. Failed-sign-in counters are only ever read by
// key, so an expired one just takes space, and a password spray leaves one per IP and account
// it tried; sessions of users who never sign in again are otherwise never removed (sign-in only
// clears the signing-in user's own). Run on a schedule (jobs/housekeeping.ts).

export type PurgedSignInState = { rateLimits: number; sessions: number };

export async function purgeExpiredSignInState(db: Db, now = new Date()): Promise<PurgedSignInState> {
  const [rateLimits, sessions] = await Promise.all([
    db.rateLimit.deleteMany({ where: { expire: { lt: now } } }),
    db.userSession.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SESSION_ROW_RETENTION_MS) } } }),
  ]);
  return { rateLimits: rateLimits.count, sessions: sessions.count };
}
