import type { AccountChange, AccountState } from "@/lib/graph/account-changes";
import { verifyStep } from "@/lib/remediation/verification";

// The four containment steps of a campaign account as Graph writes, and how a read of the
// account shows that an earlier write landed (used only for a step left "in doubt" by a run that
// died between sending and recording). Pure.

export const CAMPAIGN_STEPS = ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"] as const;
export type CampaignStepKey = (typeof CAMPAIGN_STEPS)[number];

export function changeFor(step: CampaignStepKey, password: string): AccountChange {
  switch (step) {
    case "reset-password":
      return { kind: "resetPassword", password };
    case "enforce-mfa":
      return { kind: "enforceMfa" };
    case "block-sign-in":
      return { kind: "blockSignIn" };
    case "revoke-sessions":
      return { kind: "revokeSessions" };
  }
}

export const STEP_OF_CHANGE: Record<AccountChange["kind"], CampaignStepKey> = {
  resetPassword: "reset-password",
  enforceMfa: "enforce-mfa",
  blockSignIn: "block-sign-in",
  revokeSessions: "revoke-sessions",
};

/** Our clock and Graph's may differ a little; a change stamped this much before our send still counts. */
const CLOCK_SKEW_MS = 60_000;

/**
 * How long after an unrecorded send a read may still not show it. Entra is eventually consistent
 * (reads catch up within seconds); a password reset may show only in the directory audit, which
 * Microsoft documents as arriving within minutes (Microsoft Entra data retention and latency:
 * https://learn.microsoft.com/entra/identity/monitoring-health/reference-reports-latencies).
 */
export function inDoubtBoundMs(step: CampaignStepKey): number {
  return step === "reset-password" ? 4 * 60_000 : 20_000;
}

/**
 * Whether the account's state shows the step's write sent at `sentAt`: the single-account path's
 * check (lib/remediation/verification.ts), with the send moved back by our clock skew.
 */
export function writeShows(step: CampaignStepKey, state: AccountState, sentAt: Date): boolean {
  return verifyStep(step, state, new Date(sentAt.getTime() - CLOCK_SKEW_MS)).verified === true;
}

/** landed: the read shows it; lost: past its bound and still not shown; unsure: wait and read again. */
export function inDoubtVerdict(step: CampaignStepKey, state: AccountState, sentAt: Date, now: number): "landed" | "lost" | "unsure" {
  if (writeShows(step, state, sentAt)) return "landed";
  return now - sentAt.getTime() >= inDoubtBoundMs(step) ? "lost" : "unsure";
}
