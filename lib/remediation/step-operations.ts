import { AppError } from "@/lib/errors";
import { resetPassword, revokeSessions, setAccountEnabled, setMfaState } from "@/lib/graph/account";
import { deleteAuthMethod, listAuthMethods } from "@/lib/graph/auth-methods";
import type { TenantGraph } from "@/lib/graph/client";
import { deleteConsent, listUserConsents } from "@/lib/graph/consents";
import { deleteInboxRule, listInboxRules } from "@/lib/graph/mailbox";
import { confirmCompromised, getRiskyUser } from "@/lib/graph/risk";
import { getUser } from "@/lib/graph/users";
import { getMfaState } from "@/lib/graph/account";
import { generateTemporaryPassword } from "./generate-password";
import { verifyStep } from "./verification";

// One automated checklist step: the Graph write, then a read that shows whether it took.

export type StepParams = { ruleId?: string; methodId?: string; methodKind?: string; grantId?: string };
export type StepRun = { requestId: string | null; password?: string };
export type StepCheck = { verified: boolean | null; observed: string };

type Op = { write: (g: TenantGraph, userId: string, p: StepParams) => Promise<StepRun>; verify: (g: TenantGraph, userId: string, p: StepParams, startedAt: Date) => Promise<StepCheck> };

const need = (value: string | undefined, what: string) => {
  if (!value) throw new AppError("INVALID_INPUT", `Choose the ${what} to remove.`);
  return value;
};

async function accountState(g: TenantGraph, userId: string) {
  const user = await getUser(g, userId);
  return { accountEnabled: user?.accountEnabled ?? null, signInSessionsValidFrom: user?.signInSessionsValidFromDateTime ? new Date(user.signInSessionsValidFromDateTime) : null, perUserMfaState: null };
}

export const STEP_OPERATIONS: Record<string, Op> = {
  "reset-password": {
    write: async (g, id) => {
      const password = generateTemporaryPassword();
      return { ...(await resetPassword(g, id, password)), password };
    },
    verify: async () => verifyStep("reset-password", { accountEnabled: null, signInSessionsValidFrom: null, perUserMfaState: null }, new Date()),
  },
  "enforce-mfa": {
    write: (g, id) => setMfaState(g, id, "enforced"),
    verify: async (g, id, _p, at) => verifyStep("enforce-mfa", { accountEnabled: null, signInSessionsValidFrom: null, perUserMfaState: (await getMfaState(g, id)).state }, at),
  },
  "block-sign-in": { write: (g, id) => setAccountEnabled(g, id, false), verify: async (g, id, _p, at) => verifyStep("block-sign-in", await accountState(g, id), at) },
  "re-enable-sign-in": { write: (g, id) => setAccountEnabled(g, id, true), verify: async (g, id, _p, at) => verifyStep("re-enable-sign-in", await accountState(g, id), at) },
  "revoke-sessions": { write: (g, id) => revokeSessions(g, id), verify: async (g, id, _p, at) => verifyStep("revoke-sessions", await accountState(g, id), at) },
  "remove-inbox-rules": {
    write: (g, id, p) => deleteInboxRule(g, id, need(p.ruleId, "inbox rule")),
    verify: async (g, id, p) => {
      const gone = !(await listInboxRules(g, id)).rules.some((r) => r.id === p.ruleId);
      return { verified: gone, observed: gone ? "The rule is gone from the inbox" : "The rule is still there" };
    },
  },
  "remove-auth-methods": {
    write: (g, id, p) => deleteAuthMethod(g, id, { id: need(p.methodId, "sign-in method"), kind: need(p.methodKind, "sign-in method") }),
    verify: async (g, id, p) => {
      const gone = !(await listAuthMethods(g, id)).methods.some((m) => m.id === p.methodId);
      return { verified: gone, observed: gone ? "The method is no longer registered" : "The method is still registered" };
    },
  },
  "revoke-oauth-grants": {
    write: (g, _id, p) => deleteConsent(g, need(p.grantId, "app consent")),
    verify: async (g, id, p) => {
      const gone = !(await listUserConsents(g, id)).consents.some((c) => c.id === p.grantId);
      return { verified: gone, observed: gone ? "The consent is revoked" : "The consent still exists" };
    },
  },
  "confirm-compromised": {
    write: (g, id) => confirmCompromised(g, id),
    verify: async (g, id) => {
      const { risk } = await getRiskyUser(g, id);
      const ok = risk?.riskState === "confirmedCompromised";
      return { verified: ok, observed: `Risk state: ${risk?.riskState ?? "none"}` };
    },
  },
};
