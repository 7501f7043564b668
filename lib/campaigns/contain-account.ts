import "server-only";
import type { Db } from "@/lib/db/create-client";
import { applyAccountChanges, readAccountState } from "@/lib/graph/account-changes";
import type { TenantGraph } from "@/lib/graph/client";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { listUserRoles } from "@/lib/graph/users";
import { isAppError } from "@/lib/errors";
import { isPrivileged } from "@/lib/remediation/approval-rules";
import { PermanentJobError } from "@/lib/jobs/failure";
import { generateTemporaryPassword } from "@/lib/remediation/generate-password";
import { bookWrites, holdWrites, sleep } from "./pace";
import { discardCampaignPassword, sealCampaignPassword } from "./passwords";
import { changeFor, inDoubtVerdict, STEP_OF_CHANGE, type CampaignStepKey } from "./step-effects";

// One campaign account's containment, run by its job (jobs.ts). Exactly one Graph write per
// account and step, whatever crashes:
// 1. A step is claimed QUEUED → SENDING (with sentAt) in the database BEFORE its write goes out;
//    the conditional update means a stopped (CANCELLED) or already-claimed step is never sent.
// 2. The answer is recorded: ACCEPTED, FAILED, or back to QUEUED when Graph throttled it (a 429
//    did not apply the write).
// 3. A later run that finds a step still SENDING cannot know whether its write landed (the
//    process died in between, or Graph did not answer). It reads the account: a state that shows
//    the write settles it as ACCEPTED with no second write; one that does not is re-read until
//    the step's in-doubt bound has passed (Graph is eventually consistent), and only then sent again.
// The job queue's key (one unfinished job per account) keeps two runs of an account apart.

export class StepsInDoubt extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepsInDoubt";
  }
}

export type ContainAccountResult = {
  accepted: number;
  failed: number;
  recovered: number;
  skipped: number;
  /** Accepted steps wait for their read-back (verify-account.ts, its own job so writes keep their pace). */
  verify?: boolean;
};

type Deps = { graph?: TenantGraph; signal?: AbortSignal; isCancelled?: () => Promise<boolean>; writeLimit?: number };

export async function containCampaignAccount(db: Db, accountId: string, deps: Deps = {}): Promise<ContainAccountResult> {
  const account = await db.campaignAccount.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      upn: true,
      tenantId: true,
      ticketId: true,
      startedById: true,
      ticket: { select: { status: true, reporterId: true, tenant: { select: { disconnectedAt: true } } } },
      steps: true,
    },
  });
  if (!account) throw new PermanentJobError("The campaign account no longer exists.");
  const result: ContainAccountResult = { accepted: 0, failed: 0, recovered: 0, skipped: 0 };
  if (account.ticket.status === "CLOSED" || account.ticket.tenant.disconnectedAt) {
    await db.campaignStep.updateMany({
      where: { accountId, state: "QUEUED" },
      data: { state: "CANCELLED", error: "The ticket is closed or the tenant disconnected.", finishedAt: new Date() },
    });
    return result;
  }
  const graph = deps.graph ?? (await getTenantGraph(db, account.tenantId));

  // 3. Steps a previous run left in doubt: read before writing again.
  const inDoubt = account.steps.filter((s) => s.state === "SENDING");
  let waiting = 0;
  if (inDoubt.length > 0) {
    const earliest = new Date(Math.min(...inDoubt.map((s) => s.sentAt!.getTime())));
    const audits = inDoubt.some((s) => s.stepKey === "reset-password");
    const state = await readAccountState(graph, account.upn, new Date(earliest.getTime() - 60_000), { audits });
    const verdicts = inDoubt.map((step) => ({
      step,
      verdict: inDoubtVerdict(step.stepKey as CampaignStepKey, state, step.sentAt!, Date.now()),
    }));
    // The reset goes in the same v1.0 $batch as the block and the revoke, and Graph runs every
    // item of a batch it received (learn.microsoft.com/graph/json-batching). A sibling sent in
    // the same batch that provably never landed means the batch never reached Graph: neither did
    // the reset, so it need not wait for the slow directory audit.
    const lostBatches = new Set(
      verdicts.filter((v) => v.verdict === "lost" && v.step.stepKey !== "enforce-mfa").map((v) => v.step.sentAt!.getTime()),
    );
    for (const { step, verdict } of verdicts) {
      const lost = verdict === "lost" || (step.stepKey === "reset-password" && lostBatches.has(step.sentAt!.getTime()));
      if (verdict === "landed") {
        await db.campaignStep.updateMany({
          where: { id: step.id, state: "SENDING" },
          data: { state: "ACCEPTED", recovered: true, finishedAt: new Date(), error: null },
        });
        result.recovered++;
      } else if (lost) {
        // Long past any replication delay and still not applied: the write never landed.
        await db.campaignStep.updateMany({ where: { id: step.id, state: "SENDING" }, data: { state: "QUEUED" } });
      } else waiting++;
    }
  }
  if (deps.isCancelled && (await deps.isCancelled())) return result;

  // 1. Claim what is queued, after waiting for the tenant's next free write slots.
  const queued = await db.campaignStep.findMany({ where: { accountId, state: "QUEUED" }, select: { id: true, stepKey: true } });
  const held = queued.length > 0 ? await holdReason(graph, account.upn) : null;
  if (held) {
    // A privileged account (or one whose roles cannot be read) needs a second person, as on a
    // single-account ticket: bulk containment never writes to it.
    const { count } = await db.campaignStep.updateMany({
      where: { accountId, state: "QUEUED" },
      data: { state: "FAILED", error: held, finishedAt: new Date() },
    });
    result.failed += count;
  } else if (queued.length > 0) {
    await sleep(await bookWrites(db, account.tenantId, queued.length, deps.writeLimit), deps.signal);
    const sentAt = new Date();
    // Made before the claim and sealed with it (passwords.ts): a crash after Graph accepted the
    // reset never loses the password in force.
    const password = generateTemporaryPassword();
    // All of the account's steps are claimed in one transaction: a crash leaves all of them in
    // doubt or none, so a run that finds them SENDING can tell from the siblings whether their
    // batch ever reached Graph (step 3), instead of waiting out the reset's long bound.
    const claimed = await db.$transaction(async (tx) => {
      const won: typeof queued = [];
      for (const step of queued) {
        const { count } = await tx.campaignStep.updateMany({
          where: { id: step.id, state: "QUEUED" },
          data: { state: "SENDING", sentAt, writes: { increment: 1 }, error: null },
        });
        if (count !== 1) continue;
        won.push(step);
        if (step.stepKey === "reset-password")
          await sealCampaignPassword(tx, {
            stepId: step.id,
            ticketId: account.ticketId,
            tenantId: account.tenantId,
            account: account.upn,
            ownerId: account.startedById ?? account.ticket.reporterId,
            password,
          });
      }
      return won;
    });
    result.skipped += queued.length - claimed.length;
    if (claimed.length > 0) {
      // 2. One round trip (a v1.0 and a beta $batch; four items, well under Graph's 20 per batch).
      const changes = await applyAccountChanges(
        graph,
        account.upn,
        claimed.map((s) => changeFor(s.stepKey as CampaignStepKey, password)),
      );
      for (const [kind, r] of changes) {
        const step = claimed.find((s) => s.stepKey === STEP_OF_CHANGE[kind])!;
        if (r.status === "accepted") {
          await db.campaignStep.update({
            where: { id: step.id },
            data: { state: "ACCEPTED", requestId: r.requestId, finishedAt: new Date() },
          });
          result.accepted++;
        } else if (r.status === "refused" && r.error.code === "RATE_LIMITED") {
          // Still throttled after the client's own Retry-After waits: not applied, queue it again and slow every worker down.
          await db.campaignStep.update({
            where: { id: step.id },
            data: { state: "QUEUED", writes: { decrement: 1 }, error: r.error.message },
          });
          await holdWrites(db, account.tenantId, Number(r.error.details?.retryAfterSeconds ?? 5));
          waiting++;
        } else if (r.status === "refused" && r.error.code !== "UPSTREAM_UNAVAILABLE") {
          await db.campaignStep.update({
            where: { id: step.id },
            data: { state: "FAILED", requestId: r.requestId, error: r.error.message, finishedAt: new Date() },
          });
          if (step.stepKey === "reset-password") await discardCampaignPassword(db, step.id);
          result.failed++;
        } else {
          // No answer, or a 5xx (a gateway may have applied it): in doubt, read back by the next run.
          await db.campaignStep.update({ where: { id: step.id }, data: { error: r.error.message } });
          waiting++;
        }
      }
    }
  }
  // 4. What Graph accepted is read back next, as the single-account path does (verify-account.ts);
  // also after a crash between acceptance and read-back (the steps' first verification never ran).
  result.verify =
    result.accepted + result.recovered > 0 || account.steps.some((s) => s.state === "ACCEPTED" && !s.verifiedAt && s.checks === 0);
  if (waiting > 0)
    throw new StepsInDoubt(`${waiting} step(s) of ${account.upn} wait for Graph (throttled or not yet readable); trying again.`);
  return result;
}

/** Why bulk containment must leave this account to its own ticket (approval), or null. Fails closed. */
async function holdReason(graph: TenantGraph, upn: string): Promise<string | null> {
  try {
    const roles = await listUserRoles(graph, upn);
    if (roles === null) return `${upn} was not found in the tenant.`;
    const privileged = roles.filter((r) => isPrivileged([r.name]));
    if (privileged.length === 0) return null;
    return `Privileged account (${privileged.map((r) => r.name).join("; ")}): a second person must approve. Contain it from its own ticket.`;
  } catch (error) {
    // Throttling, Microsoft's sign-in or Graph being down: try again later (the job retries).
    if (!isAppError(error) || ["RATE_LIMITED", "SIGN_IN_UNAVAILABLE", "UPSTREAM_UNAVAILABLE"].includes(error.code)) throw error;
    return `Could not read ${upn}'s directory roles (${error.message}), so it counts as privileged: contain it from its own ticket, where a second person approves.`;
  }
}
