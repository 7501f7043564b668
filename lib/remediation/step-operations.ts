import { AppError, isAppError } from "@/lib/errors";
import { getMfaState, resetPassword, revokeSessions, setAccountEnabled, setMfaState } from "@/lib/graph/account";
import { deleteAuthMethod, listAuthMethods } from "@/lib/graph/auth-methods";
import type { TenantGraph } from "@/lib/graph/client";
import { deleteConsent, getConsent, listUserConsents } from "@/lib/graph/consents";
import { listPasswordResets } from "@/lib/graph/logs";
import { deleteInboxRule, listInboxRules } from "@/lib/graph/mailbox";
import { confirmCompromised, getRiskyUser } from "@/lib/graph/risk";
import { getUser } from "@/lib/graph/users";
import { riskStateWords } from "@/lib/reports/words";
import { judgeConsentRevoke } from "./consent-guard";
import { itemStepState, progressOf, progressText, type FlaggedItem, type ItemStepKey } from "./eradication";
import { CLOCK_SKEW_MS, verifyStep } from "./verification";

// One automated checklist step: the Graph write, then a read that shows whether it took. The
// user id in every path is the ticket's user's, looked up on the server from the ticket's UPN;
// the browser only names which flagged item to remove.

export type StepParams = { ruleId?: string; methodId?: string; methodKind?: string; grantId?: string };
/** alreadyGone: the DELETE answered 404 (or the grant was no longer there), which counts as removed. */
export type StepRun = { requestId: string | null; alreadyGone?: boolean };
/** state: the checklist state the read gives an item step (done only when nothing flagged is left). */
export type StepCheck = { verified: boolean | null; observed: string; state?: "DONE" | "IN_PROGRESS" | "TODO" | "UNKNOWN"; checked?: string[]; remaining?: string[] };
/** Made by the caller before the write (and never stored), so it survives a timeout. */
export type StepSecrets = { password: string | null; previousResetAt: Date | null };
/** For the item steps: the ticket's user, the item chosen (null = re-check only) and every flagged item. */
export type StepContext = { upn: string; item: FlaggedItem | null; targets: FlaggedItem[] };

type Op = {
  write: (g: TenantGraph, userId: string, p: StepParams, secrets: StepSecrets, ctx: StepContext) => Promise<StepRun>;
  verify: (g: TenantGraph, userId: string, p: StepParams, startedAt: Date, secrets: StepSecrets, ctx: StepContext & { run: StepRun }) => Promise<StepCheck>;
};

async function accountState(g: TenantGraph, userId: string) {
  const user = await getUser(g, userId);
  return { accountEnabled: user?.accountEnabled ?? null, signInSessionsValidFrom: user?.signInSessionsValidFromDateTime ? new Date(user.signInSessionsValidFromDateTime) : null, perUserMfaState: null };
}

/** A 404 on DELETE means the item is already gone: removed, for this step (B2). */
async function removeOrGone(remove: () => Promise<{ requestId: string | null }>): Promise<StepRun> {
  try {
    return await remove();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return { requestId: (error.details?.requestId as string | null | undefined) ?? null, alreadyGone: true };
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
function itemOp(step: ItemStepKey, present: (g: TenantGraph, userId: string) => Promise<string[]>, remove: (g: TenantGraph, userId: string, ctx: StepContext) => Promise<StepRun>): Op {
  return {
    write: (g, id, _p, _s, ctx) => (ctx.item ? remove(g, id, ctx) : Promise.resolve({ requestId: null })),
    verify: async (g, id, _p, _at, _s, ctx) => {
      const now = new Set(await present(g, id));
      const progress = progressOf(ctx.targets, now);
      const gone = ctx.item ? !now.has(ctx.item.id) : null;
      const observed = progressText(step, progress, ctx.item ? { label: ctx.item.label, gone: gone!, wasAlreadyGone: Boolean(ctx.run.alreadyGone) } : null);
      const check = { observed, checked: ctx.targets.map((t) => t.id), remaining: progress.remaining.map((r) => r.id) };
      // The chosen item still there is a failed removal; otherwise the step stands where the tenant's state puts it.
      if (gone === false) return { ...check, verified: false };
      const state = itemStepState(progress);
      return { ...check, verified: ctx.item ? true : state === "DONE" ? true : null, state };
    },
  };
}

export const STEP_OPERATIONS: Record<string, Op> = {
  "reset-password": {
    write: (g, id, _p, { password }) => {
      if (!password) throw new Error("reset-password runs with a password generated by the caller");
      return resetPassword(g, id, password);
    },
    verify: async (g, id, _p, at, { previousResetAt }) => {
      const { resets } = await listPasswordResets(g, id, new Date(at.getTime() - CLOCK_SKEW_MS));
      return verifyStep("reset-password", { accountEnabled: null, signInSessionsValidFrom: null, perUserMfaState: null, passwordResets: resets, previousResetAt }, at);
    },
  },
  "enforce-mfa": {
    write: (g, id) => setMfaState(g, id, "enforced"),
    verify: async (g, id, _p, at) => verifyStep("enforce-mfa", { accountEnabled: null, signInSessionsValidFrom: null, perUserMfaState: (await getMfaState(g, id)).state }, at),
  },
  "block-sign-in": { write: (g, id) => setAccountEnabled(g, id, false), verify: async (g, id, _p, at) => verifyStep("block-sign-in", await accountState(g, id), at) },
  "re-enable-sign-in": { write: (g, id) => setAccountEnabled(g, id, true), verify: async (g, id, _p, at) => verifyStep("re-enable-sign-in", await accountState(g, id), at) },
  "revoke-sessions": { write: (g, id) => revokeSessions(g, id), verify: async (g, id, _p, at) => verifyStep("revoke-sessions", await accountState(g, id), at) },
  "remove-inbox-rules": itemOp(
    "remove-inbox-rules",
    async (g, id) => (await listInboxRules(g, id)).rules.map((r) => r.id),
    (g, id, ctx) => removeOrGone(() => deleteInboxRule(g, id, ctx.item!.id)),
  ),
  "remove-auth-methods": itemOp(
    "remove-auth-methods",
    async (g, id) => (await listAuthMethods(g, id)).methods.map((m) => m.id),
    // The kind (the typed collection in the path) comes from the snapshot's finding, not the browser.
    (g, id, ctx) => removeOrGone(() => deleteAuthMethod(g, id, { id: ctx.item!.id, kind: ctx.item!.kind! })),
  ),
  "revoke-oauth-grants": itemOp("revoke-oauth-grants", async (g, id) => (await listUserConsents(g, id)).consents.map((c) => c.id), revokeOwnConsent),
  "confirm-compromised": {
    write: (g, id) => confirmCompromised(g, id),
    verify: async (g, id) => {
      const { risk } = await getRiskyUser(g, id);
      const ok = risk?.riskState === "confirmedCompromised";
      return { verified: ok, observed: `Risk state: ${risk ? riskStateWords(risk.riskState) : "no risk record"}` };
    },
  },
};
