import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { accountDelayMs, ACCOUNT_WINDOW_SECONDS } from "./sign-in-delay";

// Failed sign-ins are counted in the database (shared by every app instance), three ways:
//  - per account and client IP: strict, and the only hard stop for an account. An attacker
//    elsewhere cannot lock a user out of their own network;
//  - per account across all IPs: never a block, a growing, capped wait (lib/auth/sign-in-delay.ts);
//  - per client IP across accounts: high enough for an office behind one NAT, it stops a spray.
// Each attempt reserves its points before the (slow) password check, atomically in the database,
// so a parallel burst cannot all pass the check; a successful sign-in gives its points back.

export const PAIR_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;
export const IP_WINDOW_SECONDS = 60 * 60;
export const MAX_FAILURES_PER_IP = 200;
const UNLIMITED = 1_000_000;

type Limiters = { pair: RateLimiterPrisma; account: RateLimiterPrisma; ip: RateLimiterPrisma };
const byDb = new WeakMap<Db, Limiters>();

function limitersFor(db: Db): Limiters {
  let limiters = byDb.get(db);
  if (!limiters) {
    const common = { storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: false };
    limiters = {
      pair: new RateLimiterPrisma({ ...common, keyPrefix: "signin-pair", points: MAX_FAILURES_PER_ACCOUNT_AND_IP, duration: PAIR_WINDOW_SECONDS }),
      account: new RateLimiterPrisma({ ...common, keyPrefix: "signin-account", points: UNLIMITED, duration: ACCOUNT_WINDOW_SECONDS }),
      ip: new RateLimiterPrisma({ ...common, keyPrefix: "signin-ip", points: MAX_FAILURES_PER_IP, duration: IP_WINDOW_SECONDS }),
    };
    byDb.set(db, limiters);
  }
  return limiters;
}

const inMinutes = (ms: number) => {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
};

export const tooManyForAccount = (ms: number) => `Too many failed sign-in attempts for this account from your network. Try again in ${inMinutes(ms)}.`;
export const tooManyFromNetwork = (ms: number) => `Too many failed sign-in attempts from your network. Try again in ${inMinutes(ms)}.`;

export type SignInAttempt = {
  /** How long to wait before checking the password (the account is under repeated failures). */
  delayMs: number;
  /** The password was right: the pair's failures are cleared and the account and IP get their point back. */
  succeeded(): Promise<void>;
};

/**
 * Reserves one failure point per (account, IP), account and IP before the password is checked;
 * they stay spent unless the attempt succeeds. Throws RATE_LIMITED when the pair or the IP has
 * none left (then nothing of this attempt is kept).
 */
export async function reserveSignInAttempt(db: Db, email: string, ip: string): Promise<SignInAttempt> {
  const { pair, account, ip: ipLimiter } = limitersFor(db);
  const pairKey = `${email}|${ip}`;
  const [p, a, i] = await Promise.allSettled([pair.consume(pairKey, 1), account.consume(email, 1), ipLimiter.consume(ip, 1)]);
  for (const r of [p, a, i]) if (r.status === "rejected" && !(r.reason instanceof RateLimiterRes)) throw r.reason;
  if (p.status === "rejected" || i.status === "rejected" || a.status === "rejected") {
    await Promise.all([
      p.status === "fulfilled" ? pair.reward(pairKey, 1) : undefined,
      a.status === "fulfilled" ? account.reward(email, 1) : undefined,
      i.status === "fulfilled" ? ipLimiter.reward(ip, 1) : undefined,
    ]);
    // The network-wide limit is named first: it is what the user can do least about.
    if (i.status === "rejected") throw new AppError("RATE_LIMITED", tooManyFromNetwork((i.reason as RateLimiterRes).msBeforeNext));
    const pairWait = p.status === "rejected" ? (p.reason as RateLimiterRes).msBeforeNext : PAIR_WINDOW_SECONDS * 1000;
    throw new AppError("RATE_LIMITED", tooManyForAccount(pairWait));
  }
  if (a.status !== "fulfilled") throw new Error("unreachable: the per-account counter never refuses");
  return {
    delayMs: accountDelayMs(a.value.consumedPoints),
    async succeeded() {
      await Promise.all([pair.delete(pairKey), account.reward(email, 1), ipLimiter.reward(ip, 1)]);
    },
  };
}
