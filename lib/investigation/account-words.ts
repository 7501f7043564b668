import { inWords } from "@/lib/utils/in-words";

// The words for the account values the investigation reads from Graph (shown in the snapshot,
// the checklist and the report).

const lookup = (map: Record<string, string>, value: string) => map[value] ?? inWords(value);

/** Identity Protection's riskLevel and riskState (Graph riskyUser). */
export const riskLevelWords = (s: string) => lookup({ none: "none", low: "low", medium: "medium", high: "high", hidden: "hidden" }, s);
export const riskStateWords = (s: string) =>
  lookup(
    {
      none: "no risk",
      confirmedSafe: "confirmed safe",
      remediated: "remediated",
      dismissed: "dismissed",
      atRisk: "at risk",
      confirmedCompromised: "confirmed compromised",
      unknownFutureValue: "unknown",
      unknown: "unknown",
    },
    s,
  );

/** Graph's authentication method kinds (…AuthenticationMethod without the suffix). */
export const methodKindWords = (s: string) =>
  lookup(
    {
      phone: "phone",
      email: "email address",
      microsoftAuthenticator: "Microsoft Authenticator",
      fido2: "FIDO2 security key",
      softwareOath: "authenticator app code",
      windowsHelloForBusiness: "Windows Hello for Business",
      temporaryAccessPass: "Temporary Access Pass",
      platformCredential: "platform credential",
      passwordlessMicrosoftAuthenticator: "passwordless Microsoft Authenticator",
      password: "password",
    },
    s,
  );

/** A sign-in method as a person names it: "phone +234 800 000 0000", "email address a@b (password reset only)". */
export function methodLabel(kind: string, detail: string | null): string {
  return `${methodKindWords(kind)}${detail ? ` ${detail}` : ""}${kind === "email" ? " (password reset only)" : ""}`;
}

/** Per-user MFA (beta authentication/requirements). */
export const perUserMfaWords = (s: string) =>
  lookup({ disabled: "disabled", enabled: "enabled (not yet enforced)", enforced: "enforced" }, s);
