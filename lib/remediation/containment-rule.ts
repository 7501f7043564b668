import { CONTAINMENT_STEPS, stepDef } from "./steps";

// When the account counts as contained: each of the four containment steps is verified done, or
// skipped / not applicable with a reason (e.g. Fabrikam's app cannot revoke sessions), and at
// least one is verified done. Pure and tested.

export type RecordedStep = { key: string; state: string; reason: string | null };
export type SettledAside = { key: string; title: string; state: "SKIPPED" | "NOT_APPLICABLE"; reason: string };
export type ContainmentVerdict = { contained: boolean; done: string[]; setAside: SettledAside[] };

export function containmentVerdict(steps: RecordedStep[]): ContainmentVerdict {
  const done: string[] = [];
  const setAside: SettledAside[] = [];
  let open = false;
  for (const key of CONTAINMENT_STEPS) {
    const s = steps.find((x) => x.key === key);
    if (s?.state === "DONE") done.push(key);
    else if ((s?.state === "SKIPPED" || s?.state === "NOT_APPLICABLE") && s.reason?.trim())
      setAside.push({ key, title: stepDef(key)!.title, state: s.state, reason: s.reason.trim() });
    else open = true;
  }
  return { contained: !open && done.length > 0, done, setAside };
}

const DONE_WORDS: Record<string, string> = {
  "reset-password": "password reset",
  "enforce-mfa": "MFA enforced",
  "block-sign-in": "sign-in blocked",
  "revoke-sessions": "sessions revoked",
};

/** The status change's reason, in words: what was verified, and what was set aside and why. */
export function containmentReason(v: ContainmentVerdict): string {
  const verified = `Containment verified: ${v.done.map((k) => DONE_WORDS[k] ?? k).join(", ")}`;
  if (v.setAside.length === 0) return verified;
  const aside = v.setAside.map((s) => `“${s.title}” ${s.state === "SKIPPED" ? "skipped" : "not applicable"} (${s.reason})`).join("; ");
  return `${verified}; ${aside}`;
}
