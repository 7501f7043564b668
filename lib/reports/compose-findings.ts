// Section 1's evidence lines, from the ticket's latest investigation snapshot: MFA on the
// account, unusual sign-ins, hiding inbox rules, sign-in methods the attacker may have added,
// suspicious app consents. "not read" when Graph did not return a section; "none found" when it
// did and nothing was flagged. Pure.

export type InvestigationFacts = {
  takenAt: Date;
  /** Sections Graph did not return, in words. */
  gaps: string[];
  /** MFA-capable methods on the account (password and email excluded); null = not read. */
  mfaMethods: string[] | null;
  signIns: { at: Date; ip: string; country: string | null; succeeded: boolean; reasons: string[] }[] | null;
  inboxRules: { name: string; reasons: string[] }[] | null;
  newMethods: { kind: string; detail: string | null; reasons: string[] }[] | null;
  consents: { app: string; reasons: string[] }[] | null;
  risk: { level: string; state: string } | null;
};

const SHOWN = 5;
const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function listed<T>(label: string, rows: T[] | null, line: (row: T) => string): string {
  if (rows === null) return `${label}: not read.`;
  if (rows.length === 0) return `${label}: none found.`;
  const more = rows.length > SHOWN ? `; and ${rows.length - SHOWN} more` : "";
  return `${label} (${rows.length}): ${rows.slice(0, SHOWN).map(line).join("; ")}${more}.`;
}

export function findingLines(inv: InvestigationFacts | null, notRecorded: string): string[] {
  if (!inv) return [`Evidence snapshot: ${notRecorded}.`];
  return [
    `Evidence snapshot taken ${stamp(inv.takenAt)}${inv.gaps.length ? `; could not read: ${inv.gaps.join(", ")}` : ""}.`,
    inv.mfaMethods === null ? "MFA on the account: not read."
      : inv.mfaMethods.length === 0 ? "MFA on the account: off (no second factor registered)."
      : `MFA on the account: registered (${inv.mfaMethods.join(", ")}).`,
    listed("Unusual sign-ins", inv.signIns, (s) => `${stamp(s.at)} from ${s.ip}${s.country ? ` (${s.country})` : ""}, ${s.succeeded ? "succeeded" : "failed"}: ${s.reasons.join(", ")}`),
    listed("Hiding inbox rules", inv.inboxRules, (r) => `“${r.name}” ${r.reasons.join(", ")}`),
    listed("Sign-in methods added around the incident (possibly the attacker's)", inv.newMethods, (m) => `${m.kind}${m.detail ? ` ${m.detail}` : ""}, ${m.reasons.join(", ")}`),
    listed("Suspicious app consents", inv.consents, (c) => `${c.app}: ${c.reasons.join(", ")}`),
    ...(inv.risk ? [`Identity Protection risk: ${inv.risk.level} (${inv.risk.state}).`] : []),
  ];
}
