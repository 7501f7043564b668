import { PREVENTIVE_STATUS_LABELS } from "@/lib/preventive/schemas";
import { traceStatusLabel } from "@/lib/message-trace/statuses";
import { perUserMfaWords, riskStateWords } from "@/lib/investigation/account-words";
import { inWords } from "@/lib/utils/in-words";

// The report's words for stored values: enum keys and Graph's camelCase never reach the text.
// An unknown value is put into words rather than shown raw ("someNewState" → "some new state").

const lookup = (map: Record<string, string>, value: string) => map[value] ?? inWords(value);

export const severityWords = (s: string) => lookup({ LOW: "low", MEDIUM: "medium", HIGH: "high", CRITICAL: "critical" }, s);
export const impactLevelWords = (s: string) => lookup({ NONE: "none", LOW: "low", MEDIUM: "medium", HIGH: "high" }, s);
export const preventiveStatusWords = (s: string) => (PREVENTIVE_STATUS_LABELS as Record<string, string>)[s]?.toLowerCase() ?? inWords(s);
export const traceStatusWords = (s: string) => traceStatusLabel(s).toLowerCase();

export const stepStateWords = (s: string) =>
  lookup(
    {
      TODO: "not done",
      RUNNING: "running",
      DONE: "done",
      FAILED: "failed",
      UNKNOWN: "outcome unknown",
      WAITING_APPROVAL: "waiting for approval",
      SKIPPED: "skipped",
      NOT_APPLICABLE: "not applicable",
      VERIFYING: "accepted by Graph, being verified",
      UNCONFIRMED: "accepted by Graph, not confirmed by a read yet",
    },
    s,
  );

/** The checklist's observed text, as recorded by remediation, with its raw values put into words. */
export function readableObserved(text: string): string {
  return text
    .replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z/g, "$1 $2 UTC")
    .replace(/\s*\(accountEnabled: (true|false)\)/g, "")
    .replace(/\bsignInSessionsValidFromDateTime\b/g, "when the sessions became invalid")
    .replace(/Risk state: ([A-Za-z]+)/g, (_, s: string) => `Risk state: ${riskStateWords(s)}`)
    .replace(/Per-user MFA: ([A-Za-z]+)/g, (_, s: string) => `Per-user MFA: ${perUserMfaWords(s)}`);
}
