// The per-account slow-down for failed sign-ins (OWASP ASVS 6.1.1: no malicious lockout). Failures
// on one account from any number of networks never lock it; past a few, each further attempt
// waits before its password is checked, the wait doubling up to a cap. Pure, unit-tested.

export const ACCOUNT_WINDOW_SECONDS = 60 * 60;
/** Failures per account per hour (all networks together) before attempts are slowed. */
export const ACCOUNT_FAILURES_BEFORE_DELAY = 10;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 30_000;

/** The wait for an attempt that is the `failures`-th counted on the account this hour. */
export function accountDelayMs(failures: number): number {
  const over = failures - ACCOUNT_FAILURES_BEFORE_DELAY;
  if (over <= 0) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(over - 1, 30));
}
