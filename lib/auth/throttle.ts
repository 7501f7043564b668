import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { accountDelayMs, ACCOUNT_WINDOW_SECONDS } from "./sign-in-delay";

// Failed sign-ins are counted in the database (shared by every app instance), three ways:
//  - per account and client IP: strict. An attacker elsewhere cannot use it against the user;
//  - per account across networks the account has not signed in from lately: a growing, capped
//    wait (lib/auth/sign-in-delay.ts), then a cap, so guessing in parallel from many networks is
//    limited, not only slowed. Networks the user signed in from in the last 30 days are not
//    counted here, so an attacker can keep the user out only of networks new to them;
//  - per client IP across accounts: high enough for an office behind one NAT, it stops a spray.
// Each attempt reserves its points before the (slow) password check, atomically in the database,
// so a parallel burst cannot all pass the check; a successful sign-in gives its points back.

export const PAIR_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;
export const IP_WINDOW_SECONDS = 60 * 60;
export const MAX_FAILURES_PER_IP = 200;
/** Failures per account per hour from networks new to it, all together. */
export const MAX_FAILURES_PER_ACCOUNT = 30;
/** How long a network the user signed in from counts as theirs. */
export const KNOWN_NETWORK_SECONDS = 30 * 24 * 60 * 60;

type Limiters = { pair: RateLimiterPrisma; account: RateLimiterPrisma; ip: RateLimiterPrisma; known: RateLimiterPrisma };
const byDb = new WeakMap<Db, Limiters>();

function limitersFor(db: Db): Limiters {
  let limiters = byDb.get(db);
  if (!limiters) {
    const common = { storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: false };
    limiters = {
      pair: new RateLimiterPrisma({
        ...common,
        keyPrefix: "signin-pair",
        points: MAX_FAILURES_PER_ACCOUNT_AND_IP,
        duration: PAIR_WINDOW_SECONDS,
      }),
      account: new RateLimiterPrisma({
        ...common,
        keyPrefix: "signin-account",
        points: MAX_FAILURES_PER_ACCOUNT,
        duration: ACCOUNT_WINDOW_SECONDS,
      }),
      ip: new RateLimiterPrisma({ ...common, keyPrefix: "signin-ip", points: MAX_FAILURES_PER_IP, duration: IP_WINDOW_SECONDS }),
      known: new RateLimiterPrisma({ ...common, keyPrefix: "signin-known", points: 1, duration: KNOWN_NETWORK_SECONDS }),
    };
    byDb.set(db, limiters);
  }
  return limiters;
}

const inMinutes = (ms: number) => {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
};

export const tooManyForAccount = (ms: number) =>
  `Too many failed sign-in attempts for this account from your network. Try again in ${inMinutes(ms)}.`;
export const tooManyForAccountFromNewNetworks = (ms: number) =>
  `Too many failed sign-in attempts for this account. Sign in from a network you have used before, or try again in ${inMinutes(ms)}.`;
export const tooManyFromNetwork = (ms: number) => `Too many failed sign-in attempts from your network. Try again in ${inMinutes(ms)}.`;

export type SignInAttempt = {
  /** How long to wait before checking the password (the account is under repeated failures). */
  delayMs: number;
  /** The password was right: the pair's failures are cleared and the account and IP get their point back. */
  succeeded(): Promise<void>;
};

const NOT_COUNTED = Promise.resolve(null);

/**
 * Reserves one failure point per (account, IP), IP and — from a network new to the account —
 * account, before the password is checked; they stay spent unless the attempt succeeds. Throws
 * RATE_LIMITED when any has none left (then nothing of this attempt is kept).
 */
export async function reserveSignInAttempt(db: Db, email: string, ip: string): Promise<SignInAttempt> {
  const { pair, account, ip: ipLimiter, known } = limitersFor(db);
  const pairKey = `${email}|${ip}`;
  const isKnown = (await known.get(pairKey)) !== null;
  const [p, a, i] = await Promise.allSettled([
    pair.consume(pairKey, 1),
    isKnown ? NOT_COUNTED : account.consume(email, 1),
    ipLimiter.consume(ip, 1),
  ]);
  for (const r of [p, a, i]) if (r.status === "rejected" && !(r.reason instanceof RateLimiterRes)) throw r.reason;
  const accountCounted = a.status === "fulfilled" && a.value !== null;
  if (p.status === "rejected" || i.status === "rejected" || a.status === "rejected") {
    await Promise.all([
      p.status === "fulfilled" ? pair.reward(pairKey, 1) : undefined,
      accountCounted ? account.reward(email, 1) : undefined,
      i.status === "fulfilled" ? ipLimiter.reward(ip, 1) : undefined,
    ]);
    // The network-wide limit is named first: it is what the user can do least about.
    if (i.status === "rejected") throw new AppError("RATE_LIMITED", tooManyFromNetwork((i.reason as RateLimiterRes).msBeforeNext));
    if (p.status === "rejected") throw new AppError("RATE_LIMITED", tooManyForAccount((p.reason as RateLimiterRes).msBeforeNext));
    throw new AppError("RATE_LIMITED", tooManyForAccountFromNewNetworks((a as PromiseRejectedResult).reason.msBeforeNext));
  }
  return {
    delayMs: accountCounted && a.value ? accountDelayMs(a.value.consumedPoints) : 0,
    async succeeded() {
      await Promise.all([
        pair.delete(pairKey),
        accountCounted ? account.reward(email, 1) : undefined,
        ipLimiter.reward(ip, 1),
        known.set(pairKey, 1, KNOWN_NETWORK_SECONDS), // this network is the user's now
      ]);
    },
  };
}
