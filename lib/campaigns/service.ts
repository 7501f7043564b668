import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { cancelJobs, enqueueJob } from "@/lib/jobs/enqueue";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import type { JobQueue } from "@/lib/jobs/queue";
import type { CampaignSource, Prisma } from "@/generated/prisma/client";
import { campaignApprovalGate } from "./approval";
import { campaignGroup, containCampaignAccountJob } from "./jobs";
import { parseAccountList, type ParsedAccounts } from "./parse-accounts";
import { MAX_ACCOUNTS_PER_ADD, type AddCampaignAccountsInput, type StartCampaignInput } from "./schemas";
import { CAMPAIGN_STEPS } from "./step-effects";

// Campaign incidents: one ticket, many affected accounts, contained on the job queue. The web
// request only records and enqueues (one job per account); workers do the Graph writes.

type Options = { queue?: JobQueue };

/** The campaign's ticket, refused while closed or disconnected (the caller checked the permission). */
const loadOpenTicket = (db: Db | Prisma.TransactionClient, viewer: Viewer, ticketId: string) =>
  getOpenTicketForViewer(db, viewer, ticketId, "change the campaign", {
    affectedUpn: true,
    tenant: { select: { primaryDomain: true, disconnectedAt: true } },
  });

/** Adds accounts (new ones only) with their four steps, not started. Used by the forms and by alerts. */
export async function addAccountsToTicket(
  tx: Prisma.TransactionClient,
  ticket: { id: string; tenantId: string },
  upns: string[],
  source: CampaignSource,
): Promise<number> {
  const existing = new Set(
    (await tx.campaignAccount.findMany({ where: { ticketId: ticket.id }, select: { upn: true } })).map((a) => a.upn),
  );
  const fresh = [...new Set(upns)].filter((u) => !existing.has(u));
  if (fresh.length === 0) return 0;
  const last = await tx.campaignAccount.aggregate({ where: { ticketId: ticket.id }, _max: { position: true } });
  let position = (last._max.position ?? -1) + 1;
  for (const upn of fresh) {
    await tx.campaignAccount.create({
      data: {
        ticketId: ticket.id,
        tenantId: ticket.tenantId,
        upn,
        position: position++,
        source,
        steps: { create: CAMPAIGN_STEPS.map((stepKey) => ({ ticketId: ticket.id, stepKey })) },
      },
    });
  }
  return fresh.length;
}

async function addAccountsAudited(
  db: Db,
  viewer: Viewer,
  ticket: { id: string; tenantId: string },
  upns: string[],
  source: CampaignSource,
): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const n = await addAccountsToTicket(tx, ticket, upns, source);
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        tenantId: ticket.tenantId,
        ticketId: ticket.id,
        action: "campaign.accounts_added",
        result: "SUCCEEDED",
        details: { added: n, source },
      });
      return n;
    },
    { timeout: 60_000 },
  );
}

export async function addCampaignAccounts(
  db: Db,
  viewer: Viewer,
  input: AddCampaignAccountsInput,
): Promise<ParsedAccounts & { added: number }> {
  assertCan(viewer, "remediation.run");
  const ticket = await loadOpenTicket(db, viewer, input.ticketId);
  const parsed = parseAccountList(input.accounts, ticket.tenant.primaryDomain);
  if (parsed.upns.length === 0)
    throw new AppError("INVALID_INPUT", "No account of this tenant's domain was found in that list.", { field: "accounts" });
  if (parsed.upns.length > MAX_ACCOUNTS_PER_ADD) throw new AppError("INVALID_INPUT", `At most ${MAX_ACCOUNTS_PER_ADD} accounts at once.`);
  // The ticket's own account is part of the campaign too.
  const added = await addAccountsAudited(db, viewer, ticket, [ticket.affectedUpn, ...parsed.upns], input.source);
  return { ...parsed, added };
}

/** The scope stage's affected users become campaign accounts. */
export async function addScopeAccounts(db: Db, viewer: Viewer, input: { ticketId: string }): Promise<{ added: number }> {
  assertCan(viewer, "remediation.run");
  const ticket = await loadOpenTicket(db, viewer, input.ticketId);
  const scope = await db.affectedUser.findMany({
    where: { ticketId: ticket.id, tenantCheck: { not: "NOT_FOUND" } },
    orderBy: { createdAt: "asc" },
    select: { upn: true },
  });
  const added = await addAccountsAudited(db, viewer, ticket, [ticket.affectedUpn, ...scope.map((s) => s.upn)], "SCOPE");
  return { added };
}

type QueueStates = ("IDLE" | "FAILED" | "CANCELLED")[];
/** What a start or retry did: queued, or asked a second person first (the tenant requires it). */
export type QueueResult = { accounts: number; steps: number } | { awaitingApproval: string; approvalId: string; accounts: number };

/** The chosen accounts (none chosen = all) that have a step in `states`. */
async function selectAccounts(db: Db | Prisma.TransactionClient, ticketId: string, accountIds: string[], states: QueueStates) {
  // With "retry", also accounts whose steps wait on a job that gave up (its retries spent): the
  // account's key makes this a no-op while its job is still alive.
  const waiting = states.includes("FAILED") ? (["QUEUED", "SENDING"] as const) : [];
  return db.campaignAccount.findMany({
    where: {
      ticketId,
      ...(accountIds.length ? { id: { in: accountIds } } : {}),
      steps: { some: { state: { in: [...states, ...waiting] } } },
    },
    select: { id: true, position: true },
    orderBy: { position: "asc" },
  });
}

/** Queues the steps given (from `states`) of the chosen accounts and enqueues one job per account. */
async function queueAccounts(
  db: Db,
  viewer: Viewer,
  ticketId: string,
  accountIds: string[],
  states: QueueStates,
  action: string,
  options: Options,
): Promise<QueueResult> {
  assertCan(viewer, "remediation.run");
  const ticket = await loadOpenTicket(db, viewer, ticketId);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: ticket.tenantId }, select: { requireApproval: true } });
  let approvalId: string | null = null;
  if (tenant.requireApproval) {
    // The tenant wants a second person before destructive steps: one approval for the whole
    // selection (the single steps' flow, lib/remediation/approvals.ts); it runs once granted.
    const selected = await selectAccounts(db, ticket.id, accountIds, states);
    if (selected.length === 0) throw new AppError("INVALID_STATE", "No account has a step to run.");
    const gate = await campaignApprovalGate(db, viewer, ticket, { accountIds: selected.map((a) => a.id), states });
    if (gate.status === "waiting") return { awaitingApproval: gate.reason, approvalId: gate.approvalId, accounts: selected.length };
    approvalId = gate.approvalId;
  }
  return queueSelected(db, { ticket, actorId: viewer.id, accountIds, states, action, approvalId }, options);
}

type Selection = {
  ticket: { id: string; tenantId: string };
  actorId: string;
  accountIds: string[];
  states: QueueStates;
  action: string;
  /** The approval this run consumes (USED), when the tenant requires one. */
  approvalId: string | null;
};

/** Queues a selection already allowed to run. Also the run of a campaign approval once granted. */
export async function queueSelected(db: Db, sel: Selection, options: Options): Promise<{ accounts: number; steps: number }> {
  const { ticket, states } = sel;
  return db.$transaction(
    async (tx) => {
      if (sel.approvalId) {
        const used = await tx.approval.updateMany({ where: { id: sel.approvalId, status: "APPROVED" }, data: { status: "USED" } });
        if (used.count !== 1) throw new AppError("INVALID_STATE", "This approval was already used or withdrawn: ask again.");
      }
      const accounts = await selectAccounts(tx, ticket.id, sel.accountIds, states);
      if (accounts.length === 0) throw new AppError("INVALID_STATE", "No account has a step to run.");
      const ids = accounts.map((a) => a.id);
      const { count } = await tx.campaignStep.updateMany({
        where: { accountId: { in: ids }, state: { in: states } },
        data: {
          state: "QUEUED",
          queuedAt: new Date(),
          error: null,
          finishedAt: null,
          ...{ verified: null, observed: null, verifiedAt: null, verifyingUntil: null, nextCheckAt: null, checks: 0 },
        },
      });
      // The engineer who ran it owns the temporary passwords it sets.
      await tx.campaignAccount.updateMany({ where: { id: { in: ids } }, data: { startedById: sel.actorId } });
      for (const a of accounts) {
        // Priority falls with the account's rank, so the queue takes the nth account of every
        // tenant before the (n+1)th of any: round-robin across tenants, none starved by a big one.
        await enqueueJob(
          containCampaignAccountJob,
          { ticketId: ticket.id, tenantId: ticket.tenantId, accountId: a.id },
          { tx, priority: -a.position, queue: options.queue },
        );
      }
      await recordAuditEvent(tx, {
        actorId: sel.actorId,
        tenantId: ticket.tenantId,
        ticketId: ticket.id,
        action: sel.action,
        result: "PENDING",
        details: { accounts: accounts.length, steps: count, approvalId: sel.approvalId },
      });
      return { accounts: accounts.length, steps: count };
    },
    { timeout: 120_000 },
  );
}

export function startCampaignContainment(db: Db, viewer: Viewer, input: StartCampaignInput, options: Options = {}) {
  return queueAccounts(db, viewer, input.ticketId, input.accountIds ?? [], ["IDLE"], "campaign.containment_started", options);
}

export function retryFailedCampaignSteps(db: Db, viewer: Viewer, input: { ticketId: string }, options: Options = {}) {
  return queueAccounts(db, viewer, input.ticketId, [], ["FAILED", "CANCELLED"], "campaign.failed_retried", options);
}

/** Stops what has not been sent: queued steps are cancelled with their jobs; a write already on its way is recorded. */
export async function stopCampaign(db: Db, viewer: Viewer, input: { ticketId: string }, options: Options = {}) {
  assertCan(viewer, "remediation.run");
  const ticket = await loadOpenTicket(db, viewer, input.ticketId);
  const steps = await db.$transaction(async (tx) => {
    const { count } = await tx.campaignStep.updateMany({
      where: { ticketId: ticket.id, state: "QUEUED" },
      data: { state: "CANCELLED", finishedAt: new Date(), error: "Stopped by an engineer." },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      action: "campaign.stopped",
      result: "SUCCEEDED",
      details: { steps: count },
    });
    return count;
  });
  const jobs = await cancelJobs({ group: campaignGroup(ticket.id) }, { queue: options.queue });
  return { steps, jobs };
}
