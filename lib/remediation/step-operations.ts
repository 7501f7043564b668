import { AppError, isAppError } from "@/lib/errors";
import type { AccountState } from "@/lib/graph/account-changes";
import { resetPassword, revokeSessions, setAccountEnabled, setMfaState } from "@/lib/graph/account";
import { listAuthMethods } from "@/lib/graph/auth-methods";
import type { TenantGraph } from "@/lib/graph/client";
import { deleteConsent, getConsent, listUserConsents } from "@/lib/graph/consents";
import { deleteInboxRule, listInboxRules } from "@/lib/graph/mailbox";
import { confirmCompromised, getRiskyUser } from "@/lib/graph/risk";
import { riskStateWords } from "@/lib/investigation/account-words";
import { judgeConsentRevoke } from "./consent-guard";
import { itemStepState, progressOf, progressText, type FlaggedItem, type ItemStepKey } from "./eradication";
import { removeAuthMethod } from "./remove-method";
import { verifyStep } from "./verification";

// One automated checklist step: the Graph write, and the check — a read that shows whether it
// took. Checks run again and again while Graph catches up (verify-loop.ts), so a read that still
// shows the old state answers "not yet" (verified null or false), never a failure. The user id in
// every path is the ticket's user's, looked up on the server from the ticket's UPN; the browser
// only names which flagged item to remove.

export type StepParams = { ruleId?: string; methodId?: string; methodKind?: string; grantId?: string };
/** alreadyGone: the DELETE answered 404 (or the grant was no longer there), which counts as removed. */
export type StepRun = { requestId: string | null; clientRequestId?: string | null; alreadyGone?: boolean };
/** state: the checklist state the read gives an item step (done only when nothing flagged is left). */
export type StepCheck = {
  verified: boolean | null;
  observed: string;
  state?: "DONE" | "IN_PROGRESS" | "TODO" | "UNKNOWN";
  checked?: string[];
  remaining?: string[];
};
/** Made by the caller before the write (and never stored), so it survives a timeout. */
export type StepSecrets = { password: string | null; previousResetAt: Date | null };
/** For the item steps: the ticket's user, the item chosen (null = re-check only) and every flagged item. */
export type StepContext = { upn: string; item: FlaggedItem | null; targets: FlaggedItem[] };
/** What a check needs: the user's object id, when the write was sent, and what it wrote. */
export type CheckContext = StepContext & { userId: string; startedAt: Date; previousResetAt: Date | null; run: StepRun };
/** The account's state, read once per round for every containment step being checked (one round trip). */
export type AccountReader = () => Promise<AccountState>;

type Op = {
  write: (g: TenantGraph, userId: string, p: StepParams, secrets: StepSecrets, ctx: StepContext) => Promise<StepRun>;
  check: (g: TenantGraph, ctx: CheckContext, read: AccountReader) => Promise<StepCheck>;
};

/** A 404 on DELETE means the item is already gone: removed, for this step (B2). */
async function removeOrGone(remove: () => Promise<StepRun>): Promise<StepRun> {
  try {
    return await remove();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return { requestId: (error.details?.requestId as string | null | undefined) ?? null, alreadyGone: true };
    throw error;
  }
}

async function revokeOwnConsent(g: TenantGraph, userId: string, ctx: StepContext): Promise<StepRun> {
  const item = ctx.item!;
  const { grant } = await getConsent(g, item.id);
  const verdict = judgeConsentRevoke(grant, { id: userId, upn: ctx.upn }, item.label);
  if (verdict.action === "refuse") throw new AppError("FORBIDDEN", verdict.message, { refused: true });
  if (verdict.action === "already-gone") return { requestId: null, alreadyGone: true };
  return removeOrGone(() => deleteConsent(g, item.id));
}

/** Removes the chosen item (none = re-check), then re-reads what is left of everything flagged. */
function itemOp(
  step: ItemStepKey,
  present: (g: TenantGraph, userId: string) => Promise<string[]>,
  remove: (g: TenantGraph, userId: string, ctx: StepContext) => Promise<StepRun>,
): Op {
  return {
    write: (g, id, _p, _s, ctx) => (ctx.item ? remove(g, id, ctx) : Promise.resolve({ requestId: null })),
    check: async (g, ctx) => {
      const now = new Set(await present(g, ctx.userId));
      const progress = progressOf(ctx.targets, now);
      const gone = ctx.item ? !now.has(ctx.item.id) : null;
      const observed = progressText(
        step,
        progress,
        ctx.item ? { label: ctx.item.label, gone: gone!, wasAlreadyGone: Boolean(ctx.run.alreadyGone) } : null,
      );
      const check = { observed, checked: ctx.targets.map((t) => t.id), remaining: progress.remaining.map((r) => r.id) };
      // The chosen item still listed: Graph may not show the removal yet (verified false = not yet).
      if (gone === false) return { ...check, verified: false };
      const state = itemStepState(progress);
      return { ...check, verified: ctx.item ? true : state === "DONE" ? true : null, state };
    },
  };
}

const accountCheck =
  (step: string): Op["check"] =>
  async (_g, ctx, read) =>
    verifyStep(step, { ...(await read()), previousResetAt: ctx.previousResetAt }, ctx.startedAt);

export const STEP_OPERATIONS: Record<string, Op> = {
  "reset-password": {
    write: (g, id, _p, { password }) => {
      if (!password) throw new Error("reset-password runs with a password generated by the caller");
      return resetPassword(g, id, password);
    },
    check: accountCheck("reset-password"),
  },
  "enforce-mfa": { write: (g, id) => setMfaState(g, id, "enforced"), check: accountCheck("enforce-mfa") },
  "block-sign-in": { write: (g, id) => setAccountEnabled(g, id, false), check: accountCheck("block-sign-in") },
  "re-enable-sign-in": { write: (g, id) => setAccountEnabled(g, id, true), check: accountCheck("re-enable-sign-in") },
  "revoke-sessions": { write: (g, id) => revokeSessions(g, id), check: accountCheck("revoke-sessions") },
  "remove-inbox-rules": itemOp(
    "remove-inbox-rules",
    async (g, id) => (await listInboxRules(g, id, { folderNames: false })).rules.map((r) => r.id),
    (g, id, ctx) => removeOrGone(() => deleteInboxRule(g, id, ctx.item!.id)),
  ),
  "remove-auth-methods": itemOp(
    "remove-auth-methods",
    async (g, id) => (await listAuthMethods(g, id)).methods.map((m) => m.id),
    // The kind (the typed collection in the path) comes from the snapshot's finding, not the browser.
    (g, id, ctx) =>
      removeOrGone(() => removeAuthMethod(g, id, { id: ctx.item!.id, kind: ctx.item!.kind!, label: ctx.item!.label }, ctx.upn)),
  ),
  "revoke-oauth-grants": itemOp(
    "revoke-oauth-grants",
    async (g, id) => (await listUserConsents(g, id)).consents.map((c) => c.id),
    revokeOwnConsent,
  ),
  "confirm-compromised": {
    write: (g, id) => confirmCompromised(g, id),
    // Identity Protection works asynchronously (riskyUser.isProcessing): confirmed only once it is done.
    check: async (g, ctx) => {
      const { risk } = await getRiskyUser(g, ctx.userId);
      if (risk?.processing)
        return {
          verified: null,
          observed: `Identity Protection is still processing the change (risk state for now: ${riskStateWords(risk.riskState)})`,
        };
      const ok = risk?.riskState === "confirmedCompromised";
      return { verified: ok, observed: `Risk state: ${risk ? riskStateWords(risk.riskState) : "no risk record"}` };
    },
  },
};
