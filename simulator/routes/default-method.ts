import { GraphHttpError } from "../http";
import type { AuthMethod, SignInPreferences, SimUser } from "../state";

// The user's default MFA method, as signInPreferences (beta) describes it: the method the user
// prefers for secondary authentication, or — with none chosen — the one the system prefers. The
// docs do not spell out the system's order; we take the strongest registered (Authenticator push,
// then an OATH code, then SMS to the mobile phone), which makes a lone phone the default.

type Preferred = NonNullable<SignInPreferences["userPreferredMethodForSecondaryAuthentication"]>;

const PHONE_OF: Partial<Record<Preferred, AuthMethod["phoneType"]>> = {
  sms: "mobile",
  voiceMobile: "mobile",
  voiceAlternateMobile: "alternateMobile",
  voiceOffice: "office",
};

/** Whether the user has a method that can serve as this default. */
export function hasMethodFor(u: Pick<SimUser, "methods">, preferred: Preferred): boolean {
  if (preferred === "push") return u.methods.some((m) => m.kind === "microsoftAuthenticator");
  if (preferred === "oath") return u.methods.some((m) => m.kind === "softwareOath" || m.kind === "microsoftAuthenticator");
  const phone = PHONE_OF[preferred];
  return Boolean(phone) && u.methods.some((m) => m.kind === "phone" && m.phoneType === phone);
}

/** The effective default second factor, or null when the user has none. */
export function defaultMethod(u: Pick<SimUser, "methods" | "signInPreferences">): Preferred | null {
  const chosen = u.signInPreferences.userPreferredMethodForSecondaryAuthentication;
  if (chosen && hasMethodFor(u, chosen)) return chosen;
  return (["push", "oath", "sms", "voiceAlternateMobile", "voiceOffice"] as const).find((p) => hasMethodFor(u, p)) ?? null;
}

/** The phone type that is the default MFA method, if a phone is. */
export function defaultPhoneType(u: Pick<SimUser, "methods" | "signInPreferences">): AuthMethod["phoneType"] | null {
  const d = defaultMethod(u);
  return d ? (PHONE_OF[d] ?? null) : null;
}

/** A default can only name a method the user has registered (authentication-update beta). */
export function refuseDefaultChange(u: SimUser, next: SignInPreferences) {
  const preferred = next.userPreferredMethodForSecondaryAuthentication;
  if (preferred && !hasMethodFor(u, preferred)) {
    throw new GraphHttpError(
      400,
      "badRequest",
      `The user has no registered method for '${preferred}': register it before making it the default.`,
    );
  }
}
