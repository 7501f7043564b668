import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { TenantGraph } from "@/lib/graph/client";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { delayBeforeRead, nextRecheckAt, VERIFY_BOUND_MS } from "@/lib/remediation/verification-schedule";
import { checkRound, type Verifying } from "@/lib/remediation/verify-loop";
import { markCampaignContainedIfVerified } from "./contained";
import { sleep } from "./pace";

// The read-back of a campaign account's accepted writes, with the single-account path's own
// checks (lib/remediation: checkRound → verifyStep) and its schedule: Microsoft Entra is
// eventually consistent, so a read that does not show a write yet is "Verifying…" until
// VERIFY_BOUND_MS after the write, then "Not verified" (Unconfirmed, never Failed) with the next
// automatic re-check (nextCheckAt) — the job queue runs it (jobs.ts). Every settled step may
// complete the campaign: the ticket becomes Contained (contained.ts).

/** The directory audit is a reports-bucket read (5 requests / 10 s per app and tenant): at most this often. */
const AUDIT_EVERY_MS = 5_000;

export type VerifyAccountResult = { verified: number; unconfirmed: number; nextCheckAt: Date | null };

type Deps = { graph?: TenantGraph; signal?: AbortSignal; actorId?: string | null; stepIds?: string[] };

export async function verifyCampaignAccount(db: Db, accountId: string, deps: Deps = {}): Promise<VerifyAccountResult> {
  const account = await db.campaignAccount.findUnique({
    where: { id: accountId },
    select: {
      upn: true,
      tenantId: true,
      ticketId: true,
      startedById: true,
      steps: {
        where: { state: "ACCEPTED", verifiedAt: null, ...(deps.stepIds ? { id: { in: deps.stepIds } } : {}) },
        select: { id: true, stepKey: true, sentAt: true, checks: true },
      },
    },
  });
  const result: VerifyAccountResult = { verified: 0, unconfirmed: 0, nextCheckAt: null };
  if (!account || account.steps.length === 0) return result;
  const graph = deps.graph ?? (await getTenantGraph(db, account.tenantId));
  const actorId = deps.actorId ?? account.startedById;
  // A recovered step's write went out at sentAt too: that is what the read must show.
  let pending: Verifying[] = account.steps.map((s) => ({
    actionId: s.id,
    stepKey: s.stepKey,
    status: "SUCCEEDED",
    ctx: {
      upn: account.upn,
      userId: account.upn,
      item: null,
      targets: [],
      startedAt: s.sentAt ?? new Date(),
      previousResetAt: null,
      run: { requestId: null },
    },
    outcome: { requestIds: [], clientRequestIds: [], errorMessage: null },
  }));
  const checks = Math.max(...account.steps.map((s) => s.checks));
  const sentAt = Math.min(...pending.map((p) => p.ctx.startedAt.getTime()));
  // A later re-check reads once; a first verification keeps reading until the bound.
  const deadline = checks > 0 ? 0 : sentAt + VERIFY_BOUND_MS;
  await db.campaignStep.updateMany({
    where: { id: { in: pending.map((p) => p.actionId) }, verifyingUntil: null, checks: 0 },
    data: { verifyingUntil: new Date(deadline) },
  });
  let lastAudit = 0;
  for (let round = 0; pending.length > 0; round++) {
    const audits = pending.some((p) => p.stepKey === "reset-password") && Date.now() - lastAudit >= AUDIT_EVERY_MS;
    if (audits) lastAudit = Date.now();
    const read = await checkRound(graph, pending, { audits });
    const last = Date.now() + delayBeforeRead(round) >= deadline;
    const now = new Date();
    let settled = 0;
    for (const p of pending) {
      const check = read.get(p.actionId)!;
      if (check.verified === true) {
        await db.campaignStep.update({
          where: { id: p.actionId },
          data: { verified: true, observed: check.observed, verifiedAt: now, verifyingUntil: null, nextCheckAt: null },
        });
        settled++;
      } else if (last) {
        const next = nextRecheckAt(checks, now);
        await db.campaignStep.update({
          where: { id: p.actionId },
          data: { verified: check.verified, observed: check.observed, verifyingUntil: null, nextCheckAt: next, checks: { increment: 1 } },
        });
        result.unconfirmed++;
        result.nextCheckAt = next;
      }
    }
    result.verified += settled;
    if (settled > 0) await db.$transaction((tx) => markCampaignContainedIfVerified(tx, { ticketId: account.ticketId, actorId }));
    if (last) break;
    pending = pending.filter((p) => read.get(p.actionId)!.verified !== true);
    if (pending.length > 0) await sleep(delayBeforeRead(round), deps.signal);
  }
  // Steps accepted meanwhile (a throttled step's later run) were not in this read: their own turn
  // now, since their run's request for a read-back found this one still going.
  const later = await db.campaignStep.findMany({
    where: { accountId, state: "ACCEPTED", verifiedAt: null, checks: 0, id: { notIn: account.steps.map((s) => s.id) } },
    select: { id: true },
  });
  if (later.length === 0) return result;
  const more = await verifyCampaignAccount(db, accountId, { ...deps, graph, stepIds: later.map((s) => s.id) });
  return {
    verified: result.verified + more.verified,
    unconfirmed: result.unconfirmed + more.unconfirmed,
    nextCheckAt: more.nextCheckAt ?? result.nextCheckAt,
  };
}
