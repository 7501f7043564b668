import type { AuthMethod } from "@/lib/graph/auth-methods";
import type { AuditRecord } from "@/lib/graph/logs";
import { formatDateTime } from "@/lib/utils/dates";

// Sign-in methods that look added by the attacker. A method with a creation date is judged by it
// (registered shortly before or after detection). Graph gives phone and email methods no date
// (createdDateTime is not on every method type in the published schema), so an undated method is
// judged by the directory audit instead: the user "registered security info" inside the window.
// Without a date or a readable audit it is still flagged, saying so — never silently dropped.
// Pure and tested.

export type MethodFinding = { id: string; kind: string; detail: string | null; createdAt: string | null; reasons: string[] };

/** Audit activities of a method being registered (Microsoft Entra's "security info" events). */
export const REGISTRATION_ACTIVITY = /registered (all required )?security info/i;

export function flagRecentMethods(
  methods: AuthMethod[],
  detectedAt: Date,
  audits: AuditRecord[] | null = null,
  windowDays = 14,
): MethodFinding[] {
  const since = detectedAt.getTime() - windowDays * 86_400_000;
  const registrations = (audits ?? [])
    .filter((a) => REGISTRATION_ACTIVITY.test(a.activity) && a.result !== "failure" && a.at.getTime() >= since)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const findings: MethodFinding[] = [];
  for (const m of methods) {
    if (m.kind === "password") continue;
    const base = { id: m.id, kind: m.kind, detail: m.detail, createdAt: m.createdAt?.toISOString() ?? null };
    if (m.createdAt) {
      if (m.createdAt.getTime() >= since) findings.push({ ...base, reasons: [`registered ${formatDateTime(m.createdAt)}`] });
      continue;
    }
    if (registrations.length > 0) {
      const when = registrations.map((a) => `${formatDateTime(a.at)}${a.initiatedBy ? ` by ${a.initiatedBy}` : ""}`).join(", ");
      findings.push({
        ...base,
        reasons: [`Graph gives this method no registration date; the directory audit shows security info registered ${when}`],
      });
    } else if (audits === null) {
      findings.push({
        ...base,
        reasons: ["Graph gives this method no registration date and the directory audit could not be read: check it with the user"],
      });
    }
  }
  return findings;
}
