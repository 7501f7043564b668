import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { endTemporaryPassword, revealTemporaryPassword, storeTemporaryPassword } from "@/lib/remediation/temporary-password";

// The one-time passwords of a campaign's resets, kept as the single-account path keeps them
// (lib/remediation/temporary-password.ts: sealed with the app's key BEFORE the Graph call, shown
// once, then erased; expired when nobody looks). The row's actionId is the campaign step's id.

/** Seals the password a reset step is about to send; replaces one a lost earlier send left (never in force). */
export async function sealCampaignPassword(
  tx: Prisma.TransactionClient,
  input: { stepId: string; ticketId: string; tenantId: string; account: string; ownerId: string; password: string },
) {
  await tx.temporaryPassword.deleteMany({ where: { actionId: input.stepId } });
  await storeTemporaryPassword(tx, {
    actionId: input.stepId,
    ticketId: input.ticketId,
    tenantId: input.tenantId,
    account: input.account,
    ownerId: input.ownerId,
    password: input.password,
  });
}

/** Graph refused the reset: its password was never in force. */
export function discardCampaignPassword(db: Db, stepId: string) {
  return endTemporaryPassword(db, stepId, "DISCARDED", null);
}

/** The campaign's passwords waiting to be shown (in force, or possibly in force while a send is in doubt). */
async function waitingRows(db: Db, viewer: Viewer, ticketId: string, now: Date) {
  const steps = await db.campaignStep.findMany({
    where: { ticketId, stepKey: "reset-password", state: { in: ["ACCEPTED", "SENDING"] }, account: { ticket: ticketAccessFor(viewer) } },
    select: { id: true },
  });
  if (steps.length === 0 || !["ENGINEER", "PLATFORM_ADMIN"].includes(viewer.role)) return [];
  return db.temporaryPassword.findMany({
    where: { ticketId, actionId: { in: steps.map((s) => s.id) }, sealed: { not: null }, expiresAt: { gt: now } },
    select: { id: true, ownerId: true, account: true },
    orderBy: { account: "asc" },
  });
}

export async function countCampaignPasswords(db: Db, viewer: Viewer, ticketId: string, now = new Date()) {
  const rows = await waitingRows(db, viewer, ticketId, now);
  return { count: rows.length, othersOwn: rows.filter((r) => r.ownerId !== viewer.id).length };
}

/**
 * Shows every waiting password of the campaign once, each through the single-account reveal
 * (same rules: a colleague's needs a reason; each reveal audited; erased as it is shown).
 */
export async function revealCampaignPasswords(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; reason?: string },
  now = new Date(),
): Promise<{ account: string; password: string }[]> {
  const rows = await waitingRows(db, viewer, input.ticketId, now);
  if (rows.length === 0) throw new AppError("INVALID_STATE", "No password of this campaign is waiting to be shown.");
  // Checked before any is shown: a password erased as it is shown must reach the engineer.
  if (rows.some((r) => r.ownerId !== viewer.id) && (input.reason?.trim().length ?? 0) < 10)
    throw new AppError("INVALID_INPUT", "Say why you reveal a colleague's passwords (at least 10 characters).", { field: "reason" });
  const shown: { account: string; password: string }[] = [];
  for (const row of rows) {
    try {
      shown.push(await revealTemporaryPassword(db, viewer, { passwordId: row.id, reason: input.reason }, now));
    } catch (error) {
      // Shown to someone else meanwhile (or expired): skip it; never lose the ones already erased.
      if (shown.length === 0) throw error;
    }
  }
  return shown;
}
