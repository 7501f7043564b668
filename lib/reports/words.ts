import { PREVENTIVE_STATUS_LABELS } from "@/lib/preventive/schemas";
import { traceStatusLabel } from "@/lib/message-trace/statuses";

// The report's words for stored values: enum keys and Graph's camelCase never reach the text.
// An unknown value is put into words rather than shown raw ("someNewState" → "some new state").

/** "confirmedCompromised" → "confirmed compromised", "WAITING_APPROVAL" → "waiting approval". */
export function inWords(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .trim()
    .toLowerCase();
}

const lookup = (map: Record<string, string>, value: string) => map[value] ?? inWords(value);

export const severityWords = (s: string) => lookup({ LOW: "low", MEDIUM: "medium", HIGH: "high", CRITICAL: "critical" }, s);
export const impactLevelWords = (s: string) => lookup({ NONE: "none", LOW: "low", MEDIUM: "medium", HIGH: "high" }, s);
export const preventiveStatusWords = (s: string) => (PREVENTIVE_STATUS_LABELS as Record<string, string>)[s]?.toLowerCase() ?? inWords(s);
export const traceStatusWords = (s: string) => traceStatusLabel(s).toLowerCase();

export const stepStateWords = (s: string) =>
  lookup({
    TODO: "not done", RUNNING: "running", DONE: "done", FAILED: "failed", UNKNOWN: "outcome unknown", WAITING_APPROVAL: "waiting for approval", SKIPPED: "skipped", NOT_APPLICABLE: "not applicable",
    VERIFYING: "accepted by Graph, being verified", UNCONFIRMED: "accepted by Graph, not confirmed by a read yet",
  }, s);

/** Identity Protection's riskLevel and riskState (Graph riskyUser). */
export const riskLevelWords = (s: string) => lookup({ none: "none", low: "low", medium: "medium", high: "high", hidden: "hidden" }, s);
export const riskStateWords = (s: string) =>
  lookup({ none: "no risk", confirmedSafe: "confirmed safe", remediated: "remediated", dismissed: "dismissed", atRisk: "at risk", confirmedCompromised: "confirmed compromised", unknownFutureValue: "unknown", unknown: "unknown" }, s);

/** Graph's authentication method kinds (…AuthenticationMethod without the suffix). */
export const methodKindWords = (s: string) =>
  lookup({
    phone: "phone", email: "email address", microsoftAuthenticator: "Microsoft Authenticator", fido2: "FIDO2 security key",
    softwareOath: "authenticator app code", windowsHelloForBusiness: "Windows Hello for Business", temporaryAccessPass: "Temporary Access Pass",
    platformCredential: "platform credential", passwordlessMicrosoftAuthenticator: "passwordless Microsoft Authenticator", password: "password",
  }, s);

/** A sign-in method as a person names it: "phone +234 800 000 0000", "email address a@b (password reset only)". */
export function methodLabel(kind: string, detail: string | null): string {
  return `${methodKindWords(kind)}${detail ? ` ${detail}` : ""}${kind === "email" ? " (password reset only)" : ""}`;
}

/** Per-user MFA (beta authentication/requirements). */
export const perUserMfaWords = (s: string) => lookup({ disabled: "disabled", enabled: "enabled (not yet enforced)", enforced: "enforced" }, s);

/** The checklist's observed text, as recorded by remediation, with its raw values put into words. */
export function readableObserved(text: string): string {
  return text
    .replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z/g, "$1 $2 UTC")
    .replace(/\s*\(accountEnabled: (true|false)\)/g, "")
    .replace(/\bsignInSessionsValidFromDateTime\b/g, "when the sessions became invalid")
    .replace(/Risk state: ([A-Za-z]+)/g, (_, s: string) => `Risk state: ${riskStateWords(s)}`)
    .replace(/Per-user MFA: ([A-Za-z]+)/g, (_, s: string) => `Per-user MFA: ${perUserMfaWords(s)}`);
}
