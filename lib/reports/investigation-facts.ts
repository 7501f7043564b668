import { SNAPSHOT_SECTION_WORDS } from "@/lib/audit/describe-event";
import type { ConsentFinding, MethodFinding, RuleFinding, SignInFinding } from "@/lib/investigation/findings";
import type { InvestigationFacts } from "./compose-findings";

// From a stored evidence snapshot (JSON) to the report's findings. Pure; a section the snapshot
// lacks (Graph refused it) stays null, so the report says "not read" instead of "none found".

type StoredFindings = {
  signIns?: { flagged?: SignInFinding[] } | null;
  inboxRules?: RuleFinding[] | null;
  authMethods?: MethodFinding[] | null;
  consents?: ConsentFinding[] | null;
  risk?: { riskLevel?: string; riskState?: string } | null;
};

/** Neither a password nor the email method (self-service reset only) is a second factor. */
const NOT_A_SECOND_FACTOR = new Set(["password", "email"]);

export function investigationFacts(snapshot: { takenAt: Date; findings: unknown; data: unknown; gaps: unknown }): InvestigationFacts {
  const f = (snapshot.findings ?? {}) as StoredFindings;
  const data = (snapshot.data ?? {}) as { authMethods?: { kind: string }[] | null };
  const gaps = snapshot.gaps && typeof snapshot.gaps === "object" ? Object.keys(snapshot.gaps).map((k) => SNAPSHOT_SECTION_WORDS[k] ?? k) : [];
  return {
    takenAt: snapshot.takenAt,
    gaps,
    mfaMethods: Array.isArray(data.authMethods) ? [...new Set(data.authMethods.map((m) => m.kind).filter((k) => !NOT_A_SECOND_FACTOR.has(k)))] : null,
    signIns: f.signIns?.flagged ? f.signIns.flagged.map((s) => ({ at: new Date(s.at), ip: s.ip, country: s.country, succeeded: s.succeeded, reasons: s.reasons })) : null,
    inboxRules: f.inboxRules ? f.inboxRules.map((r) => ({ name: r.name, reasons: r.reasons })) : null,
    newMethods: f.authMethods ? f.authMethods.map((m) => ({ kind: m.kind, detail: m.detail, reasons: m.reasons })) : null,
    consents: f.consents ? f.consents.map((c) => ({ app: c.app, reasons: c.reasons })) : null,
    risk: f.risk?.riskLevel ? { level: f.risk.riskLevel, state: f.risk.riskState ?? "unknown" } : null,
  };
}
