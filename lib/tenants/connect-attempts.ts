import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { newNonce, signState, stateKey, STATE_LIFETIME_MS, verifyState, type ConnectPurpose, type StateProblem } from "./connect-state";

// The database half of a connect round trip: the attempt row whose id is the state's nonce. The
// callback spends it exactly once, and only for the user who started it; the outcome is written
// back on it, so the page that follows shows Microsoft's answer without taking text from the URL.

export type Refusal = StateProblem | "other-user" | "replayed" | "signed-out";

/** Why a callback was refused, in words, by reason (the closed set the callback may put in a URL). */
export const REFUSALS: Record<Refusal, string> = {
  malformed: "The answer from Microsoft did not carry a valid Breachdesk state. Start again from the tenant's page.",
  "bad-signature":
    "The answer from Microsoft carried a state Breachdesk did not issue, so it was refused. Start again from the tenant's page.",
  expired: "More than 15 minutes passed at Microsoft's sign-in. Start again from the tenant's page.",
  "wrong-purpose": "The answer from Microsoft belongs to another step. Start again from the tenant's page.",
  "other-user": "This sign-in was started by another Breachdesk user, so it was refused. Start it yourself from the tenant's page.",
  replayed: "This answer from Microsoft was already used once, so it was refused. Start again from the tenant's page.",
  "signed-out": "Your Breachdesk session ended during the sign-in at Microsoft. Sign in and start again.",
};

export async function createAttempt(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  tenantId: string,
  purpose: ConnectPurpose,
  extra: { codeVerifierEncrypted?: string; options?: Prisma.InputJsonValue } = {},
): Promise<string> {
  const nonce = newNonce();
  const expiresAt = Date.now() + STATE_LIFETIME_MS;
  await tx.tenantConnectAttempt.create({
    data: { id: nonce, tenantId, userId: viewer.id, purpose, expiresAt: new Date(expiresAt), ...extra },
    select: { id: true },
  });
  return signState({ nonce, userId: viewer.id, tenantId, purpose, expiresAt }, stateKey(getEnv().NEXTAUTH_SECRET));
}

export type SpentAttempt = { id: string; tenantId: string; codeVerifierEncrypted: string | null; options: Prisma.JsonValue };

/**
 * Verifies the state and spends its attempt: signed by us, not expired, for this purpose and this
 * user, never used before. A state that fails any of these is refused before anything changes.
 */
export async function spendAttempt(
  db: Db,
  viewer: Viewer | null,
  state: string | null,
  purpose: ConnectPurpose,
): Promise<SpentAttempt | { refused: Refusal }> {
  const verified = verifyState(state, stateKey(getEnv().NEXTAUTH_SECRET), purpose);
  if ("problem" in verified) return { refused: verified.problem };
  if (!viewer) return { refused: "signed-out" };
  const { payload } = verified;
  if (payload.userId !== viewer.id) return { refused: "other-user" };
  const { count } = await db.tenantConnectAttempt.updateMany({
    where: { id: payload.nonce, userId: viewer.id, tenantId: payload.tenantId, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return { refused: "replayed" };
  return db.tenantConnectAttempt.findUniqueOrThrow({
    where: { id: payload.nonce },
    select: { id: true, tenantId: true, codeVerifierEncrypted: true, options: true },
  });
}

export type AttemptOutcome = { outcome: "SUCCEEDED" | "FAILED" | "REFUSED"; code?: string | null; detail?: string | null };

export async function recordOutcome(tx: Prisma.TransactionClient | Db, attemptId: string, o: AttemptOutcome) {
  // The verifier has served its purpose: it does not outlive the attempt.
  await tx.tenantConnectAttempt.update({
    where: { id: attemptId },
    data: { outcome: o.outcome, outcomeCode: o.code ?? null, outcomeDetail: o.detail ?? null, codeVerifierEncrypted: null },
    select: { id: true },
  });
}

/** The viewer's own attempt, for the page the callback redirects to (another user's is not found). */
export async function findOwnAttempt(db: Db, viewer: Viewer, attemptId: string | undefined) {
  if (!attemptId || attemptId.length > 64) return null;
  return db.tenantConnectAttempt.findFirst({
    where: { id: attemptId, userId: viewer.id, usedAt: { not: null } },
    select: { id: true, tenantId: true, purpose: true, outcome: true, outcomeCode: true, outcomeDetail: true, usedAt: true },
  });
}
