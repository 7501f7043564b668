import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

// Failed sign-ins are counted per account and per client IP in the database (shared by every
// app instance). Each attempt reserves a point before the (slow) password check, atomically in
// the database, so a parallel burst cannot all pass the check; a successful sign-in gives its
// points back. Past the limit, attempts are refused until the window passes, even with the
// right password.

const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

type Limiters = { account: RateLimiterPrisma; ip: RateLimiterPrisma };
const byDb = new WeakMap<Db, Limiters>();

function limitersFor(db: Db): Limiters {
  let limiters = byDb.get(db);
  if (!limiters) {
    const common = { storeClient: db, tableName: "rateLimit", duration: WINDOW_SECONDS, clearExpiredByTimeout: false };
    limiters = {
      account: new RateLimiterPrisma({ ...common, keyPrefix: "signin-account", points: MAX_FAILURES_PER_ACCOUNT }),
      ip: new RateLimiterPrisma({ ...common, keyPrefix: "signin-ip", points: MAX_FAILURES_PER_IP }),
    };
    byDb.set(db, limiters);
  }
  return limiters;
}

function throttled(msBeforeNext: number): AppError {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return new AppError("RATE_LIMITED", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

export type SignInAttempt = {
  /** The password was right: give the IP its point back and clear the account's failures. */
  succeeded(): Promise<void>;
};

/**
 * Reserves one failure point for the account and one for the IP before the password is
 * checked; the point stays spent unless the attempt succeeds. Throws RATE_LIMITED when either
 * has none left (then nothing of this attempt is kept).
 */
export async function reserveSignInAttempt(db: Db, email: string, ip: string): Promise<SignInAttempt> {
  const { account, ip: ipLimiter } = limitersFor(db);
  const [a, i] = await Promise.allSettled([account.consume(email, 1), ipLimiter.consume(ip, 1)]);
  const refused: RateLimiterRes[] = [];
  for (const r of [a, i]) {
    if (r.status === "fulfilled") continue;
    if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
    refused.push(r.reason);
  }
  if (refused.length) {
    await Promise.all([
      a.status === "fulfilled" ? account.reward(email, 1) : undefined,
      i.status === "fulfilled" ? ipLimiter.reward(ip, 1) : undefined,
    ]);
    throw throttled(Math.max(...refused.map((r) => r.msBeforeNext)));
  }
  return {
    async succeeded() {
      await Promise.all([account.delete(email), ipLimiter.reward(ip, 1)]);
    },
  };
}
