import { firstSuspiciousSignIn } from "@/lib/investigation/dwell";
import { methodLabel, perUserMfaWords, riskLevelWords, riskStateWords } from "@/lib/investigation/account-words";

// Section 1's evidence lines. What the attacker left comes from the EARLIEST evidence snapshot
// (taken before anything was removed): a snapshot retaken after eradication finds nothing and
// is only mentioned as such. "not read" when Graph did not return a section; "none found" when
// it did and nothing was flagged. MFA is never inferred from a method the attacker registered.
// Pure.

export type InvestigationFacts = {
  takenAt: Date;
  /** Sections Graph did not return, in words. */
  gaps: string[];
  /** Per-user MFA as the snapshot read it (disabled / enabled / enforced); null = not read. */
  perUserMfa: string | null;
  /** Sign-in methods on the account, password excluded; `flagged` holds the reasons when the method was registered around the incident. null = not read. */
  methods: { kind: string; detail: string | null; flagged: string[] | null }[] | null;
  /** Flagged sign-ins, oldest first. */
  signIns: { at: Date; ip: string; country: string | null; succeeded: boolean; reasons: string[] }[] | null;
  inboxRules: { name: string; reasons: string[] }[] | null;
  flaggedMethods: { kind: string; detail: string | null; reasons: string[] }[] | null;
  consents: { app: string; reasons: string[] }[] | null;
  risk: { level: string; state: string } | null;
};

export type FindingContext = {
  /** The first successful suspicious sign-in (what dwell time starts from). */
  firstSuspiciousAt: Date | null;
  /** The reporter ticked "MFA was not enabled on the account" at intake. */
  reporterSaidMfaOff: boolean;
  notRecorded: string;
};

const SHOWN = 5;
const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const items = (rows: string[]) =>
  rows.length > SHOWN ? `${rows.slice(0, SHOWN).join("; ")}; and ${rows.length - SHOWN} more` : rows.join("; ");

function listed<T>(label: string, rows: T[] | null, line: (row: T) => string): string {
  if (rows === null) return `${label}: not read.`;
  if (rows.length === 0) return `${label}: none found.`;
  return `${label} (${rows.length}): ${items(rows.map(line))}.`;
}

function firstSignInLine(inv: InvestigationFacts | null, ctx: FindingContext): string {
  const found = firstSuspiciousSignIn(inv?.signIns ?? []);
  const first = ctx.firstSuspiciousAt;
  const earlierFailed = found.firstAttempt && (!first || found.firstAttempt < first) ? found.firstAttempt : null;
  const head = `First successful suspicious sign-in: ${first ? stamp(first) : inv?.signIns ? "none found" : ctx.notRecorded}`;
  return `${head}${earlierFailed ? `; an earlier flagged attempt failed at ${stamp(earlierFailed)}` : ""}.`;
}

function mfaLines(inv: InvestigationFacts, ctx: FindingContext): string[] {
  const state = inv.perUserMfa
    ? `per-user MFA ${perUserMfaWords(inv.perUserMfa)} (read by the evidence snapshot)`
    : `not read by the evidence snapshot${ctx.reporterSaidMfaOff ? "; the reporter said MFA was not enabled on the account" : ""}`;
  const lines = [`MFA before containment: ${state}.`];
  if (inv.methods === null) return [...lines, "Sign-in methods registered: not read."];
  const shown = inv.methods.map(
    (m) => `${methodLabel(m.kind, m.detail)}${m.flagged ? ` (flagged: ${m.flagged.join(", ")}; possibly added by the attacker)` : ""}`,
  );
  const secondFactors = inv.methods.filter((m) => m.kind !== "email");
  const own = secondFactors.filter((m) => !m.flagged);
  lines.push(
    inv.methods.length
      ? `Sign-in methods registered, password excluded (${inv.methods.length}): ${items(shown)}.`
      : "Sign-in methods registered, password excluded: none.",
  );
  if (secondFactors.length === 0) lines.push("No second factor was registered on the account.");
  else if (own.length === 0)
    lines.push(
      "Every second-factor method on the account was flagged as added around the incident: none shows that MFA protected the account.",
    );
  return lines;
}

function laterLine(later: InvestigationFacts[]): string[] {
  const last = later.at(-1);
  if (!last) return [];
  const n = (rows: unknown[] | null) => (rows === null ? "not read" : rows.length === 0 ? "none" : String(rows.length));
  const found = `hiding inbox rules ${n(last.inboxRules)}, flagged sign-in methods ${n(last.flaggedMethods)}, suspicious app consents ${n(last.consents)}`;
  const many =
    later.length > 1
      ? `${later.length} later evidence snapshots; the latest, ${stamp(last.takenAt)},`
      : `A later evidence snapshot, ${stamp(last.takenAt)},`;
  return [`${many} found: ${found}.`];
}

/** Section 1's evidence, from the earliest snapshot, then a word on later ones. */
export function findingLines(inv: InvestigationFacts | null, later: InvestigationFacts[], ctx: FindingContext): string[] {
  if (!inv) return [firstSignInLine(null, ctx), `Evidence snapshot: ${ctx.notRecorded}.`];
  return [
    firstSignInLine(inv, ctx),
    `Evidence snapshot taken ${stamp(inv.takenAt)}${later.length ? " (the earliest, before anything was removed)" : ""}${inv.gaps.length ? `; could not read: ${inv.gaps.join(", ")}` : ""}.`,
    ...mfaLines(inv, ctx),
    listed(
      "Suspicious sign-ins, oldest first",
      inv.signIns,
      (s) =>
        `${stamp(s.at)} from ${s.ip}${s.country ? ` (${s.country})` : ""}, ${s.succeeded ? "succeeded" : "failed"}: ${s.reasons.join(", ")}`,
    ),
    listed("Hiding inbox rules", inv.inboxRules, (r) => `“${r.name}” ${r.reasons.join(", ")}`),
    listed("Suspicious app consents", inv.consents, (c) => `${c.app}: ${c.reasons.join(", ")}`),
    ...(inv.risk ? [`Identity Protection risk: ${riskLevelWords(inv.risk.level)} (${riskStateWords(inv.risk.state)}).`] : []),
    ...laterLine(later),
  ];
}
