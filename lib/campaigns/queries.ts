import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { writesPerSecond } from "./pace";
import { progressOf, type CampaignProgress, type StepState } from "./progress";
import { CAMPAIGN_STEPS } from "./step-effects";

// What the checklist, the report and the dashboard read of a campaign, scoped by the viewer.

export type CampaignAccountRow = {
  id: string;
  upn: string;
  source: string;
  steps: Record<string, { state: StepState; error: string | null; recovered: boolean; finishedAt: Date | null }>;
};

export type CampaignView = {
  accounts: CampaignAccountRow[];
  progress: CampaignProgress;
  /** First step queued → last step finished, when nothing is left to run. */
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Seconds from the first queued step to the last finished one (the whole campaign), once done. */
  secondsToContain: number | null;
};

/** The ticket's campaign, or null when it has no campaign accounts (or the viewer may not see it). */
export async function getCampaignView(db: Db, viewer: Viewer, ticketId: string): Promise<CampaignView | null> {
  const accounts = await db.campaignAccount.findMany({
    where: { ticketId, ticket: ticketAccessFor(viewer) },
    orderBy: { position: "asc" },
    select: {
      id: true,
      upn: true,
      source: true,
      steps: { select: { stepKey: true, state: true, error: true, recovered: true, queuedAt: true, finishedAt: true } },
    },
  });
  if (accounts.length === 0) return null;
  const all = accounts.flatMap((a) => a.steps);
  const progress = progressOf(
    all.map((s) => s.state),
    writesPerSecond(getEnv().GRAPH_IDENTITY_WRITES_PER_SECOND),
  );
  const queued = all.map((s) => s.queuedAt?.getTime()).filter((t): t is number => t !== undefined);
  const finished = all.map((s) => s.finishedAt?.getTime()).filter((t): t is number => t !== undefined);
  const startedAt = queued.length ? new Date(Math.min(...queued)) : null;
  const settled = progress.queued + progress.sending === 0 && progress.done > 0;
  const finishedAt = settled && finished.length ? new Date(Math.max(...finished)) : null;
  return {
    accounts: accounts.map((a) => ({
      id: a.id,
      upn: a.upn,
      source: a.source,
      steps: Object.fromEntries(
        CAMPAIGN_STEPS.map((k) => {
          const s = a.steps.find((x) => x.stepKey === k);
          return [
            k,
            {
              state: (s?.state ?? "IDLE") as StepState,
              error: s?.error ?? null,
              recovered: s?.recovered ?? false,
              finishedAt: s?.finishedAt ?? null,
            },
          ];
        }),
      ),
    })),
    progress,
    startedAt,
    finishedAt,
    secondsToContain: startedAt && finishedAt ? Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000) : null,
  };
}

export type CampaignSummary = { incidents: number; accounts: number; accountsContained: number; avgSecondsToContain: number | null };

/** Campaign incidents reported in the period (the dashboard): how many, their accounts, and the average time to contain a whole campaign. */
export async function summarizeCampaigns(db: Db, viewer: Viewer, period: { from: Date; to: Date }): Promise<CampaignSummary> {
  const accounts = await db.campaignAccount.findMany({
    where: { ticket: { AND: [ticketAccessFor(viewer), { createdAt: { gte: period.from, lt: period.to } }] } },
    select: { ticketId: true, steps: { select: { state: true, queuedAt: true, finishedAt: true } } },
  });
  const byTicket = new Map<string, typeof accounts>();
  for (const a of accounts) byTicket.set(a.ticketId, [...(byTicket.get(a.ticketId) ?? []), a]);
  const durations: number[] = [];
  for (const list of byTicket.values()) {
    const steps = list.flatMap((a) => a.steps);
    if (steps.some((s) => s.state === "QUEUED" || s.state === "SENDING" || s.state === "IDLE")) continue;
    const queued = steps.flatMap((s) => (s.queuedAt ? [s.queuedAt.getTime()] : []));
    const finished = steps.flatMap((s) => (s.finishedAt ? [s.finishedAt.getTime()] : []));
    if (queued.length && finished.length) durations.push((Math.max(...finished) - Math.min(...queued)) / 1000);
  }
  return {
    incidents: byTicket.size,
    accounts: accounts.length,
    accountsContained: accounts.filter((a) => a.steps.length > 0 && a.steps.every((s) => s.state === "ACCEPTED")).length,
    avgSecondsToContain: durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null,
  };
}
