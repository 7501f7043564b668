// When verification reads the tenant again. Within a run: right away, then with a short backoff
// up to VERIFY_BOUND_MS (read-after-write lag is seconds); past the bound a step is Unconfirmed
// and re-checked later on a longer schedule (audit logs and risk processing can take minutes).
// Pure and tested.

/** How long a run keeps re-reading before it calls a step Unconfirmed. */
export const VERIFY_BOUND_MS = 20_000;

/**
 * Pauses between reads within the bound, ms: short for the first seconds, where Graph's lag
 * usually ends (each read is one round trip of cheap directory reads), longer after.
 */
const WITHIN_RUN = [250, 250, 250, 500, 500, 500, 750, 1_000, 1_000, 1_500, 2_000, 3_000];

export function delayBeforeRead(round: number): number {
  return WITHIN_RUN[Math.min(round, WITHIN_RUN.length - 1)]!;
}

/** Automatic re-checks of an unconfirmed step: 1, 2, 5, 10, 30 minutes, then hourly for a day. */
const LATER_MINUTES = [1, 2, 5, 10, 30];
export const MAX_LATER_CHECKS = LATER_MINUTES.length + 24;

/** When the next automatic re-check is due after `laterChecks` of them, or null when it stops (then: the button, or a re-run). */
export function nextRecheckAt(laterChecks: number, now: Date): Date | null {
  if (laterChecks >= MAX_LATER_CHECKS) return null;
  const minutes = LATER_MINUTES[laterChecks] ?? 60;
  return new Date(now.getTime() + minutes * 60_000);
}
