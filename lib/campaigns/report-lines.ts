import { durationWords } from "./duration";
import { progressOf, type StepState } from "./progress";
import { CAMPAIGN_STEPS } from "./step-effects";
import { CAMPAIGN_STEP_LABELS, STEP_STATE_WORDS } from "./words";

// The campaign part of the incident report: totals, the time to contain the whole campaign, and
// one outcome line per account. Pure.

export type CampaignReportAccount = {
  upn: string;
  steps: { stepKey: string; state: StepState; queuedAt: Date | null; finishedAt: Date | null }[];
};

export function campaignReportLines(accounts: CampaignReportAccount[]): string[] {
  if (accounts.length === 0) return [];
  const all = accounts.flatMap((a) => a.steps);
  const p = progressOf(
    all.map((s) => s.state),
    0,
  );
  const contained = accounts.filter((a) => CAMPAIGN_STEPS.every((k) => a.steps.find((s) => s.stepKey === k)?.state === "ACCEPTED")).length;
  const queued = all.flatMap((s) => (s.queuedAt ? [s.queuedAt.getTime()] : []));
  const finished = all.flatMap((s) => (s.finishedAt ? [s.finishedAt.getTime()] : []));
  const settled = p.queued + p.sending === 0 && queued.length > 0 && finished.length > 0;
  return [
    `Campaign: ${accounts.length} accounts; all four containment steps accepted by Microsoft Graph for ${contained}; steps accepted ${p.accepted}, failed ${p.failed}, stopped ${p.cancelled}, not started ${p.idle}, still running ${p.queued + p.sending}.`,
    settled
      ? `Time to contain the whole campaign: ${durationWords((Math.max(...finished) - Math.min(...queued)) / 1000)} (first step queued to last step answered).`
      : "Time to contain the whole campaign: not finished.",
    ...accounts.map(
      (a) =>
        `${a.upn}: ${CAMPAIGN_STEPS.map((k) => `${CAMPAIGN_STEP_LABELS[k]} ${STEP_STATE_WORDS[a.steps.find((s) => s.stepKey === k)?.state ?? "IDLE"].toLowerCase()}`).join("; ")}.`,
    ),
  ];
}
