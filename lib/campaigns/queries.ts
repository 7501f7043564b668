import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { writesPerSecond } from "./pace";
import { CAMPAIGN_APPROVAL_STEP } from "./schemas";
import { campaignContainment, progressOf, verificationWords, type CampaignProgress, type StepState } from "./progress";
import { CAMPAIGN_STEPS } from "./step-effects";

// What the checklist, the report and the dashboard read of a campaign, scoped by the viewer.

export type CampaignAccountRow = {
  id: string;
  upn: string;
  source: string;
  steps: Record<
    string,
    { state: StepState; error: string | null; recovered: boolean; finishedAt: Date | null; verification: string | null; verified: boolean }
  >;
};

export type CampaignView = {
  accounts: CampaignAccountRow[];
  progress: CampaignProgress;
  /** First step queued; and, once every started account is contained and verified, the last verification. */
  startedAt: Date | null;
  containedAt: Date | null;
  /** Seconds from the first queued step to the last verified one (the whole campaign), once contained. */
  secondsToContain: number | null;
  /** Accounts started (the selection) and those of them with every step verified. */
  selected: number;
  verifiedAccounts: number;
};

const STEP_FIELDS = {
  stepKey: true,
  state: true,
  error: true,
  recovered: true,
  queuedAt: true,
  finishedAt: true,
  verified: true,
  observed: true,
  verifiedAt: true,
  verifyingUntil: true,
} as const;

const allVerified = (steps: { state: string; verified: boolean | null }[]) =>
  steps.length > 0 && steps.every((s) => s.state === "ACCEPTED" && s.verified === true);

/** The ticket's campaign, or null when it has no campaign accounts (or the viewer may not see it). */
export async function getCampaignView(db: Db, viewer: Viewer, ticketId: string): Promise<CampaignView | null> {
  const accounts = await db.campaignAccount.findMany({
    where: { ticketId, ticket: ticketAccessFor(viewer) },
    orderBy: { position: "asc" },
    select: {
      id: true,
      upn: true,
      source: true,
      steps: { select: STEP_FIELDS },
    },
  });
  if (accounts.length === 0) return null;
  const all = accounts.flatMap((a) => a.steps);
  const progress = progressOf(
    all.map((s) => s.state),
    writesPerSecond(getEnv().GRAPH_IDENTITY_WRITES_PER_SECOND),
  );
  const contained = campaignContainment(all);
  const started = accounts.filter((a) => a.steps.some((s) => s.state !== "IDLE"));
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
              verification: s ? verificationWords(s) : null,
              verified: s?.verified === true,
            },
          ];
        }),
      ),
    })),
    progress,
    startedAt: contained.startedAt,
    containedAt: contained.containedAt,
    secondsToContain: contained.seconds,
    selected: started.length,
    verifiedAccounts: started.filter((a) => allVerified(a.steps)).length,
  };
}

export type CampaignSummary = { incidents: number; accounts: number; accountsContained: number; avgSecondsToContain: number | null };

/** Campaign incidents reported in the period (the dashboard): how many, their accounts, and the average time to contain a whole campaign. */
export async function summarizeCampaigns(db: Db, viewer: Viewer, period: { from: Date; to: Date }): Promise<CampaignSummary> {
  const accounts = await db.campaignAccount.findMany({
    where: { ticket: { AND: [ticketAccessFor(viewer), { createdAt: { gte: period.from, lt: period.to } }] } },
    select: { ticketId: true, steps: { select: { state: true, queuedAt: true, verified: true, verifiedAt: true } } },
  });
  const byTicket = new Map<string, typeof accounts>();
  for (const a of accounts) byTicket.set(a.ticketId, [...(byTicket.get(a.ticketId) ?? []), a]);
  const durations = [...byTicket.values()].flatMap((list) => campaignContainment(list.flatMap((a) => a.steps)).seconds ?? []);
  return {
    incidents: byTicket.size,
    accounts: accounts.length,
    accountsContained: accounts.filter((a) => allVerified(a.steps)).length,
    avgSecondsToContain: durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null,
  };
}

export type CampaignApprovalView = {
  id: string;
  status: string;
  accounts: number;
  requestedById: string;
  requestedBy: string;
  decidedBy: string | null;
  reason: string | null;
  createdAt: Date;
};

/** The campaign's latest approval request, while it waits or after a rejection (what to show on the campaign). */
export async function getCampaignApproval(db: Db, viewer: Viewer, ticketId: string): Promise<CampaignApprovalView | null> {
  const a = await db.approval.findFirst({
    where: { ticketId, stepKey: CAMPAIGN_APPROVAL_STEP, ticket: ticketAccessFor(viewer) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      params: true,
      reason: true,
      createdAt: true,
      requestedById: true,
      requestedBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
    },
  });
  if (!a || !["PENDING", "APPROVED", "REJECTED"].includes(a.status)) return null;
  return {
    id: a.id,
    status: a.status,
    accounts: ((a.params ?? {}) as { accountIds?: string[] }).accountIds?.length ?? 0,
    requestedById: a.requestedById,
    requestedBy: a.requestedBy.name,
    decidedBy: a.decidedBy?.name ?? null,
    reason: a.reason,
    createdAt: a.createdAt,
  };
}
