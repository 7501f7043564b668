import type { RetryPolicy } from "./client";

// When a Graph answer is worth asking again, and after how long. Pure and tested.
//   429: Graph did not process the request (learn.microsoft.com/graph/throttling), so it is always
//        safe to send again, after Retry-After — or, when Graph sends none (Identity Protection
//        does not: learn.microsoft.com/graph/throttling-limits), after an exponential backoff.
//   503/504: the request may have been processed, so only a call that is safe to repeat is sent
//        again (never sendMail: the recipients would get the message twice).
// The time spent waiting is bounded (maxWaitSeconds) but never counts as "no answer".

export const DEFAULT_MAX_WAIT_SECONDS = 120;

export type RetryInput = {
  status: number;
  retryAfterSeconds: number | null;
  tries: number;
  waitedSeconds: number;
  idempotent: boolean;
  policy: RetryPolicy;
};
export type RetryDecision =
  | { retry: true; waitSeconds: number }
  | { retry: false; /** How long Graph asked us to wait, when we stopped because of it. */ suggestedWaitSeconds: number | null };

/** Exponential backoff with jitter (half to full of delay × 2^tries). */
export function backoffSeconds(delaySeconds: number, tries: number, random = Math.random): number {
  return delaySeconds * 2 ** tries * (0.5 + random() / 2);
}

export function retryDecision(input: RetryInput, random = Math.random): RetryDecision {
  const { status, retryAfterSeconds, tries, waitedSeconds, idempotent, policy } = input;
  const retryable = status === 429 || ((status === 503 || status === 504) && idempotent);
  if (!retryable) return { retry: false, suggestedWaitSeconds: null };
  const wait = retryAfterSeconds ?? backoffSeconds(policy.delaySeconds, tries, random);
  if (tries >= policy.maxRetries || waitedSeconds + wait > (policy.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS)) {
    return { retry: false, suggestedWaitSeconds: status === 429 ? Math.ceil(wait) : null };
  }
  return { retry: true, waitSeconds: wait };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
