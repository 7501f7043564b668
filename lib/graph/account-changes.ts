import { AppError, isAppError } from "@/lib/errors";
import { accountRequests, parseMfaState, parseSignInState, type PerUserMfaState } from "./account";
import { executeBatch, type BatchOptions, type BatchOutcome, type BatchStep } from "./batch";
import type { TenantGraph } from "./client";
import { mayHaveApplied } from "./errors";
import { passwordResetAuditsPath, passwordResetTimes } from "./logs";
import type { GraphCall } from "./request";

// Containment as Graph sees it: the account changes in one round trip (v1.0 items through the
// v1.0 $batch, the beta-only MFA item through the beta $batch, both in flight at once), and one
// round trip of reads that shows what took. Domain code gets our own types, never wire shapes.

export type AccountChange =
  { kind: "resetPassword"; password: string } | { kind: "enforceMfa" } | { kind: "blockSignIn" } | { kind: "revokeSessions" };
export type AccountChangeKind = AccountChange["kind"];

/** requestId: Graph's (the batch's, as items carry none); clientRequestId: the one we set on the item. */
export type ChangeResult =
  | { status: "accepted"; requestId: string | null; clientRequestId: string | null }
  | { status: "refused"; error: AppError; graphCode: string | null; requestId: string | null; clientRequestId: string | null }
  /** Timed out, a 5xx, or left out of Graph's answer: the write may or may not have landed. */
  | { status: "no-answer"; error: AppError; clientRequestId: string | null };

export type AccountState = {
  accountEnabled: boolean | null;
  signInSessionsValidFrom: Date | null;
  /** user.lastPasswordChangeDateTime; null = not read or not given. */
  lastPasswordChange: Date | null;
  perUserMfaState: PerUserMfaState | null;
  /** Successful password resets in the directory audit since the read's start; null = could not read (or not asked for). */
  passwordResets: Date[] | null;
};

function requestOf(userId: string, change: AccountChange): GraphCall {
  switch (change.kind) {
    case "resetPassword":
      return accountRequests.resetPassword(userId, change.password);
    case "enforceMfa":
      return accountRequests.setMfaState(userId, "enforced");
    case "blockSignIn":
      return accountRequests.setAccountEnabled(userId, false);
    case "revokeSessions":
      return accountRequests.revokeSessions(userId);
  }
}

const asStep = (id: string, call: GraphCall): BatchStep => ({ id, op: call.op, method: call.method, path: call.path, body: call.body });

function refusal(error: AppError): ChangeResult {
  const clientRequestId = (error.details?.clientRequestId as string | null | undefined) ?? null;
  // A 5xx or a timeout may hide a change that was made: not refused, the read back decides.
  if (mayHaveApplied(error)) return { status: "no-answer", error, clientRequestId };
  return {
    status: "refused",
    error,
    graphCode: (error.details?.graphCode as string | undefined) ?? null,
    requestId: (error.details?.requestId as string | null | undefined) ?? null,
    clientRequestId,
  };
}

const resultOf = (o: BatchOutcome): ChangeResult =>
  o.error ? refusal(o.error) : { status: "accepted", requestId: o.requestId, clientRequestId: o.clientRequestId };

/** One $batch per Graph version, in parallel. An envelope failure becomes every item's result, with its code and request id. */
async function batchesByVersion(
  g: TenantGraph,
  calls: { id: string; call: GraphCall }[],
  options: BatchOptions,
): Promise<Map<string, BatchOutcome | AppError>> {
  const versions = [...new Set(calls.map((c) => c.call.version ?? "v1.0"))];
  const parts = await Promise.all(
    versions.map(async (version) => {
      const mine = calls.filter((c) => (c.call.version ?? "v1.0") === version);
      try {
        return [
          ...(
            await executeBatch(
              g,
              mine.map((c) => asStep(c.id, c.call)),
              { ...options, version },
            )
          ).entries(),
        ];
      } catch (error) {
        if (!isAppError(error)) throw error;
        return mine.map((c) => [c.id, error] as const);
      }
    }),
  );
  return new Map<string, BatchOutcome | AppError>(parts.flat());
}

export async function applyAccountChanges(
  g: TenantGraph,
  userId: string,
  changes: AccountChange[],
  options: BatchOptions = {},
): Promise<Map<AccountChangeKind, ChangeResult>> {
  const results = await batchesByVersion(
    g,
    changes.map((c) => ({ id: c.kind, call: requestOf(userId, c) })),
    options,
  );
  return new Map(
    changes.map((c) => {
      const r = results.get(c.kind)!;
      return [c.kind, r instanceof AppError ? refusal(r) : resultOf(r)];
    }),
  );
}

/**
 * Sign-in state, the last password change, per-user MFA and — when asked — the password-reset
 * audits since `since`, in one round trip. Unreadable parts are null. The audit is a reports-bucket
 * read (5 requests / 10 s per app and tenant), so verification asks for it sparingly.
 */
export async function readAccountState(
  g: TenantGraph,
  userId: string,
  since: Date,
  options: { audits?: boolean } = { audits: true },
): Promise<AccountState> {
  const read = await batchesByVersion(
    g,
    [
      { id: "user", call: accountRequests.getSignInState(userId) },
      ...(options.audits
        ? [{ id: "audits", call: { op: "listDirectoryAudits", method: "GET", path: passwordResetAuditsPath(since) } as GraphCall }]
        : []),
      { id: "mfa", call: accountRequests.getMfaState(userId) },
    ],
    {},
  );
  const body = (id: string) => {
    const r = read.get(id);
    return !r || r instanceof AppError || r.error ? undefined : r.body;
  };
  const user = body("user");
  const audits = body("audits") as { value?: unknown[] } | undefined;
  const signIn =
    user === undefined ? { accountEnabled: null, signInSessionsValidFrom: null, lastPasswordChange: null } : parseSignInState(user);
  return {
    ...signIn,
    perUserMfaState: body("mfa") === undefined ? null : parseMfaState(body("mfa")),
    passwordResets: audits?.value ? passwordResetTimes(audits.value, userId) : null,
  };
}
