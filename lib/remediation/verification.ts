import { formatDateTime } from "@/lib/utils/dates";

// What "done" looks like for each containment step, judged from a read of the tenant's state
// after the write. Pure, so the rules are tested on their own.

export type ObservedState = {
  accountEnabled: boolean | null;
  signInSessionsValidFrom: Date | null;
  perUserMfaState: string | null;
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
        : { verified: state.accountEnabled === true, observed: state.accountEnabled ? "Sign-in is allowed again" : "Sign-in is still blocked" };
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
        : { verified: state.perUserMfaState === "enforced", observed: `Per-user MFA: ${MFA_WORDS[state.perUserMfaState] ?? state.perUserMfaState}` };
    case "reset-password": {
      // Graph never returns passwords; the directory audit's "Reset user password" is the evidence.
      // Its absence proves nothing (audits can lag by minutes), so it never makes a step fail.
      if (!state.passwordResets) return { verified: null, observed: "Passwords cannot be read back, and the directory audit could not be read" };
      const notBefore = Math.max(startedAt.getTime() - CLOCK_SKEW_MS, state.previousResetAt ? state.previousResetAt.getTime() + CLOCK_SKEW_MS : 0);
      const reset = state.passwordResets.filter((at) => at.getTime() >= notBefore).sort((a, b) => a.getTime() - b.getTime())[0];
      return reset
        ? { verified: true, observed: `The directory audit shows the password reset at ${reset.toISOString().slice(11, 19)} UTC` }
        : { verified: null, observed: "The directory audit does not show the reset yet (it can take minutes); passwords cannot be read back" };
    }
    default:
      return { verified: null, observed: "No verification read for this step" };
  }
}
