import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

// Failed sign-ins are counted per account and per client IP in the database (shared by every
// app instance). Past the limit, further attempts are refused until the window passes, even with
// the right password.

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

/** Throws RATE_LIMITED when the account or the IP has used up its failures. */
export async function assertSignInAllowed(db: Db, email: string, ip: string) {
  const { account, ip: ipLimiter } = limitersFor(db);
  const [a, i] = await Promise.all([account.get(email), ipLimiter.get(ip)]);
  for (const [res, max] of [[a, MAX_FAILURES_PER_ACCOUNT], [i, MAX_FAILURES_PER_IP]] as const) {
    if (res && res.consumedPoints >= max) throw throttled(res.msBeforeNext);
  }
}

export async function recordFailedSignIn(db: Db, email: string, ip: string) {
  const { account, ip: ipLimiter } = limitersFor(db);
  await Promise.all(
    [account.penalty(email, 1), ipLimiter.penalty(ip, 1)].map((p) =>
      p.catch((e: unknown) => {
        if (!(e instanceof RateLimiterRes)) throw e;
      }),
    ),
  );
}

export async function clearFailedSignIns(db: Db, email: string) {
  await limitersFor(db).account.delete(email);
}
