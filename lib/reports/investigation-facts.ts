import { SNAPSHOT_SECTION_WORDS } from "@/lib/timeline/describe-event";
import type { ConsentFinding, RuleFinding, SignInFinding } from "@/lib/investigation/findings";
import type { MethodFinding } from "@/lib/investigation/method-findings";
import type { InvestigationFacts } from "./compose-findings";
import { methodLabel } from "@/lib/investigation/account-words";

// From a stored evidence snapshot (JSON) to the report's findings. Pure; a section the snapshot
// lacks (Graph refused it) stays null, so the report says "not read" instead of "none found".

type StoredFindings = {
  signIns?: { flagged?: SignInFinding[] } | null;
  inboxRules?: RuleFinding[] | null;
  authMethods?: MethodFinding[] | null;
  consents?: ConsentFinding[] | null;
  risk?: { riskLevel?: string; riskState?: string } | null;
};
type StoredData = { authMethods?: { id?: string; kind: string; detail?: string | null }[] | null; perUserMfaState?: string | null };

export type StoredSnapshot = { takenAt: Date; findings: unknown; data: unknown; gaps: unknown };

export function investigationFacts(snapshot: StoredSnapshot): InvestigationFacts {
  const f = (snapshot.findings ?? {}) as StoredFindings;
  const data = (snapshot.data ?? {}) as StoredData;
  const gaps =
    snapshot.gaps && typeof snapshot.gaps === "object" ? Object.keys(snapshot.gaps).map((k) => SNAPSHOT_SECTION_WORDS[k] ?? k) : [];
  const flaggedMethods = f.authMethods ?? null;
  const reasonsOf = (id: string | undefined) => flaggedMethods?.find((m) => m.id === id)?.reasons ?? null;
  return {
    takenAt: snapshot.takenAt,
    gaps,
    perUserMfa: typeof data.perUserMfaState === "string" ? data.perUserMfaState : null,
    // The password is not a sign-in method an attacker adds, nor a second factor.
    methods: Array.isArray(data.authMethods)
      ? data.authMethods
          .filter((m) => m.kind !== "password")
          .map((m) => ({ kind: m.kind, detail: m.detail ?? null, flagged: reasonsOf(m.id) }))
      : null,
    signIns: f.signIns?.flagged
      ? f.signIns.flagged
          .map((s) => ({ at: new Date(s.at), ip: s.ip, country: s.country, succeeded: s.succeeded, reasons: s.reasons }))
          .sort((a, b) => a.at.getTime() - b.at.getTime())
      : null,
    inboxRules: f.inboxRules ? f.inboxRules.map((r) => ({ name: r.name, reasons: r.reasons })) : null,
    flaggedMethods: flaggedMethods ? flaggedMethods.map((m) => ({ kind: m.kind, detail: m.detail, reasons: m.reasons })) : null,
    consents: f.consents ? f.consents.map((c) => ({ app: c.app, reasons: c.reasons })) : null,
    risk: f.risk?.riskLevel ? { level: f.risk.riskLevel, state: f.risk.riskState ?? "unknown" } : null,
  };
}

/** What the snapshot's findings call each removable item, by the id a remediation names it with. */
export function itemNames(snapshots: StoredSnapshot[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of snapshots) {
    const f = (s.findings ?? {}) as StoredFindings;
    const data = (s.data ?? {}) as StoredData;
    for (const r of f.inboxRules ?? []) names.set(r.id, `rule “${r.name}”`);
    for (const m of [...(data.authMethods ?? []), ...(f.authMethods ?? [])])
      if (m.id && m.kind !== "password") names.set(m.id, methodLabel(m.kind, m.detail ?? null));
    for (const c of f.consents ?? []) names.set(c.id, `consent of ${c.app}`);
  }
  return names;
}
