import { formatDateTime } from "@/lib/utils/dates";

// What "done" looks like for each containment step, judged from a read of the tenant's state
// after the write. Microsoft Entra is eventually consistent: a read that still shows the old state
// says "not yet", never "failed" — the caller keeps reading (verify-loop.ts) and past its bound
// calls the step Unconfirmed, not Failed. Pure, so the rules are tested on their own.

export type ObservedState = {
  accountEnabled: boolean | null;
  signInSessionsValidFrom: Date | null;
  perUserMfaState: string | null;
  /** When the account's password last changed (user.lastPasswordChangeDateTime); null = not read or not given. */
  lastPasswordChange?: Date | null;
  /** Password resets of the user in the directory audit; null = not read. */
  passwordResets?: Date[] | null;
  /** When an earlier reset of this account by Breachdesk finished: its audit entry is not this run's evidence. */
  previousResetAt?: Date | null;
};

/** Graph's clocks and ours differ a little; audit times are compared with this margin. */
export const CLOCK_SKEW_MS = 10_000;

const MFA_WORDS: Record<string, string> = { disabled: "disabled", enabled: "enabled (not yet enforced)", enforced: "enforced" };

export type Verification = { verified: boolean | null; observed: string };

export function verifyStep(step: string, state: ObservedState, startedAt: Date): Verification {
  switch (step) {
    case "block-sign-in":
      return state.accountEnabled === null
        ? { verified: null, observed: "Could not read the account" }
        : { verified: state.accountEnabled === false, observed: state.accountEnabled ? "Sign-in is still allowed" : "Sign-in is blocked" };
    case "re-enable-sign-in":
      return state.accountEnabled === null
        ? { verified: null, observed: "Could not read the account" }
        : {
            verified: state.accountEnabled === true,
            observed: state.accountEnabled ? "Sign-in is allowed again" : "Sign-in is still blocked",
          };
    case "revoke-sessions": {
      const from = state.signInSessionsValidFrom;
      if (!from) return { verified: null, observed: "Could not read when the account's sessions were last revoked" };
      // Graph stores second precision; allow a little clock skew.
      const ok = from.getTime() >= startedAt.getTime() - 5_000;
      return { verified: ok, observed: `Sessions valid from ${formatDateTime(from)}${ok ? "" : " (before this run)"}` };
    }
    case "enforce-mfa":
      return state.perUserMfaState === null
        ? { verified: null, observed: "Could not read per-user MFA" }
        : {
            verified: state.perUserMfaState === "enforced",
            observed: `Per-user MFA: ${MFA_WORDS[state.perUserMfaState] ?? state.perUserMfaState}`,
          };
    case "reset-password": {
      // Graph never returns passwords. The most direct evidence is the account's own
      // lastPasswordChangeDateTime moving past this run; the docs do not say whether an admin reset
      // moves it, so the directory audit's "Reset user password" is the fallback (minutes behind).
      // Neither showing it proves nothing yet.
      // The date is the LATEST change: later than an earlier run's finish, it is this run's (or newer).
      const changedAfter = Math.max(startedAt.getTime() - CLOCK_SKEW_MS, state.previousResetAt ? state.previousResetAt.getTime() + 1 : 0);
      const notBefore = Math.max(
        startedAt.getTime() - CLOCK_SKEW_MS,
        state.previousResetAt ? state.previousResetAt.getTime() + CLOCK_SKEW_MS : 0,
      );
      if (state.lastPasswordChange && state.lastPasswordChange.getTime() >= changedAfter) {
        return {
          verified: true,
          observed: `The account's password last changed at ${state.lastPasswordChange.toISOString().slice(11, 19)} UTC, after this reset was sent`,
        };
      }
      const reset = (state.passwordResets ?? []).filter((at) => at.getTime() >= notBefore).sort((a, b) => a.getTime() - b.getTime())[0];
      if (reset)
        return { verified: true, observed: `The directory audit shows the password reset at ${reset.toISOString().slice(11, 19)} UTC` };
      if (!state.passwordResets && !state.lastPasswordChange)
        return {
          verified: null,
          observed: "Passwords cannot be read back, and neither the account's last password change nor the directory audit could be read",
        };
      return {
        verified: null,
        observed:
          "Neither the account's last password change nor the directory audit shows the reset yet (the audit can take minutes); passwords cannot be read back",
      };
    }
    default:
      return { verified: null, observed: "No verification read for this step" };
  }
}
