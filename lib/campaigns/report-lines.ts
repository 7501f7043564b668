import { durationWords } from "./duration";
import { campaignContainment, progressOf, type StepState } from "./progress";
import { CAMPAIGN_STEPS } from "./step-effects";
import { CAMPAIGN_STEP_LABELS, STEP_STATE_WORDS } from "./words";

// The campaign part of the incident report: totals, the time to contain the whole campaign, and
// one outcome line per account. Pure.

export type CampaignReportAccount = {
  upn: string;
  steps: { stepKey: string; state: StepState; queuedAt: Date | null; verified: boolean | null; verifiedAt: Date | null }[];
};

export function campaignReportLines(accounts: CampaignReportAccount[]): string[] {
  if (accounts.length === 0) return [];
  const all = accounts.flatMap((a) => a.steps);
  const p = progressOf(
    all.map((s) => s.state),
    0,
  );
  const verified = (a: CampaignReportAccount, k: string) => {
    const s = a.steps.find((x) => x.stepKey === k);
    return s?.state === "ACCEPTED" && s.verified === true;
  };
  const contained = accounts.filter((a) => CAMPAIGN_STEPS.every((k) => verified(a, k))).length;
  const time = campaignContainment(all);
  return [
    `Campaign: ${accounts.length} accounts; all four containment steps accepted by Microsoft Graph and verified in the tenant for ${contained}; steps accepted ${p.accepted}, failed ${p.failed}, stopped ${p.cancelled}, not started ${p.idle}, still running ${p.queued + p.sending}.`,
    time.seconds !== null
      ? `Time to contain the whole campaign: ${durationWords(time.seconds)} (first step queued to last step verified).`
      : "Time to contain the whole campaign: not contained yet.",
    ...accounts.map(
      (a) =>
        `${a.upn}: ${CAMPAIGN_STEPS.map((k) => `${CAMPAIGN_STEP_LABELS[k]} ${verified(a, k) ? "verified" : STEP_STATE_WORDS[a.steps.find((s) => s.stepKey === k)?.state ?? "IDLE"].toLowerCase()}`).join("; ")}.`,
    ),
  ];
}
