import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/utils/dates";

// One remediation run per account at a time. The lock is a row whose primary key is the tenant
// and the account: a second run inserting it in its PENDING transaction fails in the database,
// whichever app instance it runs in (PostgreSQL blocks the second insert until the first commits,
// then refuses it). The lock is released when the run returns; a run whose process died holds it
// until expiresAt, after which the sweeper (sweep.ts) settles its steps and anyone may run again.

/** Longer than any run: a write's attempts and throttle waits (lib/graph/request.ts) plus the 20 s verification. */
export const RUN_LOCK_MS = 5 * 60_000;

export type RunHolder = { tenantId: string; account: string; ticketId: string; actorId: string; runKey: string };

/** The account as the lock names it: a UPN compares case-insensitively. */
export const lockAccount = (upn: string) => upn.trim().toLowerCase();

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string }).code === "P2002" || /unique|duplicate key/i.test(String((error as Error)?.message));

/**
 * Takes the account's lock inside the caller's transaction (an expired one is taken over), or
 * throws INVALID_STATE with `runInProgress` when another run holds it.
 */
export async function acquireRunLock(tx: Prisma.TransactionClient, holder: RunHolder, now = new Date()) {
  const account = lockAccount(holder.account);
  await tx.accountRunLock.deleteMany({ where: { tenantId: holder.tenantId, account, expiresAt: { lt: now } } });
  try {
    await tx.accountRunLock.create({ data: { ...holder, account, acquiredAt: now, expiresAt: new Date(now.getTime() + RUN_LOCK_MS) } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("INVALID_STATE", `Another remediation of ${holder.account} is running right now; its progress is shown below.`, {
      runInProgress: true,
    });
  }
}

export async function releaseRunLock(db: Db | Prisma.TransactionClient, holder: Pick<RunHolder, "tenantId" | "account" | "runKey">) {
  await db.accountRunLock.deleteMany({ where: { tenantId: holder.tenantId, account: lockAccount(holder.account), runKey: holder.runKey } });
}

export const isRunInProgress = (error: unknown) => error instanceof AppError && error.details?.runInProgress === true;

/** Who holds the account's lock and since when, in words (null = nobody). */
export async function describeRunningRun(
  db: Db,
  tenantId: string,
  account: string,
): Promise<{ ticketId: string; runKey: string; words: string } | null> {
  const lock = await db.accountRunLock.findUnique({ where: { tenantId_account: { tenantId, account: lockAccount(account) } } });
  if (!lock || lock.expiresAt.getTime() < Date.now()) return null;
  const who = await db.user.findUnique({ where: { id: lock.actorId }, select: { name: true } });
  return {
    ticketId: lock.ticketId,
    runKey: lock.runKey,
    words: `${who?.name ?? "Another engineer"} started a remediation of ${account} at ${formatDateTime(lock.acquiredAt)}; it is still running.`,
  };
}
