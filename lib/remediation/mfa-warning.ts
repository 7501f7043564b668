// Enforcing MFA while the attacker's own sign-in method is still registered protects nothing:
// whoever holds that phone passes MFA. Containment enforces MFA first (sign-in is blocked then),
// and the attacker's method may not be removable through Graph at once (the default phone), so
// the ticket and the report say so, loudly, for as long as it is true. Pure and tested.

/** Accepted by Graph (verified or still being confirmed): MFA is, or is about to be, enforced. */
const ENFORCED = new Set(["DONE", "VERIFYING", "UNCONFIRMED"]);

export function mfaWarning(input: { upn: string; enforceMfaState: string | null; remainingMethods: string[] }): string | null {
  if (!input.enforceMfaState || !ENFORCED.has(input.enforceMfaState) || input.remainingMethods.length === 0) return null;
  const methods = input.remainingMethods.join(", ");
  const one = input.remainingMethods.length === 1;
  return `MFA is enforced on ${input.upn}, but the sign-in method${one ? "" : "s"} flagged as the attacker's — ${methods} — ${one ? "is" : "are"} still registered: whoever holds ${one ? "it" : "them"} passes MFA. Remove ${one ? "it" : "them"} under Eradication (or follow the manual steps there) before sign-in is allowed again.`;
}
