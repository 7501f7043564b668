// What "done" looks like for each containment step, judged from a read of the tenant's state
// after the write. Pure, so the rules are tested on their own.

export type ObservedState = {
  accountEnabled: boolean | null;
  signInSessionsValidFrom: Date | null;
  perUserMfaState: string | null;
};

export type Verification = { verified: boolean | null; observed: string };

export function verifyStep(step: string, state: ObservedState, startedAt: Date): Verification {
  switch (step) {
    case "block-sign-in":
      return state.accountEnabled === null
        ? { verified: null, observed: "Could not read the account" }
        : { verified: state.accountEnabled === false, observed: state.accountEnabled ? "Sign-in is still allowed" : "Sign-in is blocked (accountEnabled: false)" };
    case "re-enable-sign-in":
      return state.accountEnabled === null
        ? { verified: null, observed: "Could not read the account" }
        : { verified: state.accountEnabled === true, observed: state.accountEnabled ? "Sign-in is allowed again" : "Sign-in is still blocked" };
    case "revoke-sessions": {
      const from = state.signInSessionsValidFrom;
      if (!from) return { verified: null, observed: "Could not read signInSessionsValidFromDateTime" };
      // Graph stores second precision; allow a little clock skew.
      const ok = from.getTime() >= startedAt.getTime() - 5_000;
      return { verified: ok, observed: `Sessions valid from ${from.toISOString()}${ok ? "" : " (before this run)"}` };
    }
    case "enforce-mfa":
      return state.perUserMfaState === null
        ? { verified: null, observed: "Could not read per-user MFA" }
        : { verified: state.perUserMfaState === "enforced", observed: `Per-user MFA: ${state.perUserMfaState}` };
    case "reset-password":
      // Graph never returns passwords: acceptance (204 + request id) is the evidence.
      return { verified: null, observed: "Graph accepted the new password; passwords cannot be read back" };
    default:
      return { verified: null, observed: "No verification read for this step" };
  }
}
