import { AppError, isAppError } from "@/lib/errors";
import {
  deleteAuthMethod,
  getSignInPreferences,
  listAuthMethods,
  setDefaultMethod,
  type AuthMethod,
  type DefaultMethodType,
} from "@/lib/graph/auth-methods";
import type { TenantGraph } from "@/lib/graph/client";
import { sleep } from "@/lib/graph/retry";
import { DEFAULT_METHOD_CODE, defaultMethodInstructions } from "./manual-removal";

// Removing a sign-in method the attacker registered. A phone that is the user's default MFA
// method cannot be deleted (learn.microsoft.com/graph/api/phoneauthenticationmethod-delete), and
// in the seed story the attacker's phone is the only method, so that is the common case. The
// documented way forward is to make another registered method the default first (beta
// signInPreferences, authentication-update?view=graph-rest-beta), then delete. With no other
// method, Graph offers nothing: the user must register one of their own first, so the step
// becomes manual, with instructions — and the ticket says loudly that MFA trusts the attacker's
// phone meanwhile (lib/remediation/mfa-warning.ts).

/** Which userPreferredMethodForSecondaryAuthentication values point at a phone of this type. */
const DEFAULT_OF_PHONE: Record<string, DefaultMethodType[]> = {
  mobile: ["sms", "voiceMobile"],
  alternateMobile: ["voiceAlternateMobile"],
  office: ["voiceOffice"],
};
const DEFAULT_FOR_OTHER_PHONE: Record<string, DefaultMethodType> = {
  mobile: "sms",
  alternateMobile: "voiceAlternateMobile",
  office: "voiceOffice",
};

/** Another registered method that can be the default, strongest first; null when there is none. */
export function alternativeDefault(methods: AuthMethod[], removingId: string): DefaultMethodType | null {
  const others = methods.filter((m) => m.id !== removingId);
  if (others.some((m) => m.kind === "microsoftAuthenticator")) return "push";
  if (others.some((m) => m.kind === "softwareOath")) return "oath";
  const phone = others.find((m) => m.kind === "phone" && m.phoneType && DEFAULT_FOR_OTHER_PHONE[m.phoneType]);
  return phone ? DEFAULT_FOR_OTHER_PHONE[phone.phoneType!]! : null;
}

/** Is this phone the default? The preference names it, or — none chosen — it is the only second factor. Null when unknown. */
export function isDefaultPhone(phone: AuthMethod, methods: AuthMethod[], preferred: DefaultMethodType | null | undefined): boolean | null {
  if (preferred === undefined) return null;
  if (preferred && phone.phoneType && DEFAULT_OF_PHONE[phone.phoneType]?.includes(preferred)) return true;
  return preferred === null && alternativeDefault(methods, phone.id) === null;
}

function defaultMethodError(upn: string, label: string, why: string): AppError {
  return new AppError(
    "INVALID_STATE",
    `Graph cannot delete ${label}: ${why}. Until another method replaces it, MFA for ${upn} accepts the attacker's phone. ${defaultMethodInstructions(upn)}`,
    { graphCode: DEFAULT_METHOD_CODE, manual: true },
  );
}

export async function removeAuthMethod(
  g: TenantGraph,
  userId: string,
  item: { id: string; kind: string; label: string },
  upn: string,
): Promise<{ requestId: string | null; clientRequestId?: string | null; alreadyGone?: boolean }> {
  if (item.kind !== "phone") return deleteAuthMethod(g, userId, item);
  const [{ methods }, preferred] = await Promise.all([
    listAuthMethods(g, userId),
    getSignInPreferences(g, userId).then(
      (p) => p.userPreferred,
      () => undefined,
    ),
  ]);
  const phone = methods.find((m) => m.id === item.id);
  if (!phone) return { requestId: null, alreadyGone: true };
  let switched = false;
  if (isDefaultPhone(phone, methods, preferred) === true) {
    const next = alternativeDefault(methods, phone.id);
    if (!next)
      throw defaultMethodError(
        upn,
        item.label,
        `it is ${upn}'s default MFA method and the account has no other method to make the default`,
      );
    await setDefaultMethod(g, userId, next);
    switched = true;
  }
  // A default just changed may take a moment to replicate: a refusal right after is retried briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      return await deleteAuthMethod(g, userId, item);
    } catch (error) {
      if (!isAppError(error) || error.details?.graphStatus !== 400) throw error;
      if (switched && attempt < 3) {
        await sleep(1_000 * (attempt + 1));
        continue;
      }
      const alternate = phone.phoneType === "mobile" && methods.some((m) => m.kind === "phone" && m.phoneType === "alternateMobile");
      const why = alternate
        ? "a mobile number cannot be deleted while the account has an alternate mobile number; delete that one first (if it is the attacker's too) or replace it"
        : `Graph refused it (${String(error.details?.graphCode ?? "badRequest")}); a phone that is the default MFA method cannot be deleted, and the account's default could not be changed here`;
      throw defaultMethodError(upn, item.label, why);
    }
  }
}
