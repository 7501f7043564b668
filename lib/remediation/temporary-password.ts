import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/create-client";
import { getEncryptionKey } from "@/lib/env";
import { AppError, notFoundError } from "@/lib/errors";
import { ticketAccessFor } from "@/lib/auth/ticket-access";

// The temporary password a reset sets is written, encrypted with the app's key, in the same
// transaction that records the step PENDING — before Graph is called. So a crash after Graph
// accepted the reset never loses the password now in force: it stays until it is shown once (to
// the engineer who ran the reset when the run returns, or later through a reveal on the ticket,
// by that engineer or by a colleague who says why; every reveal is audited), or until it expires.

/** How long an unshown password is kept. */
export const PASSWORD_KEEP_MS = 60 * 60_000;

const key = getEncryptionKey;

export async function storeTemporaryPassword(
  tx: Prisma.TransactionClient,
  input: { actionId: string; ticketId: string; tenantId: string; account: string; ownerId: string; password: string },
  now = new Date(),
) {
  const { password, ...rest } = input;
  await tx.temporaryPassword.create({
    data: { ...rest, sealed: encryptSecret(password, key()), createdAt: now, expiresAt: new Date(now.getTime() + PASSWORD_KEEP_MS) },
  });
}

/**
 * The run is handing the password to its engineer (SHOWN), or the reset failed and it is not in
 * force (DISCARDED): either way it is erased. Returns whether it was still there to hand over.
 */
export async function endTemporaryPassword(
  db: Db | Prisma.TransactionClient,
  actionId: string,
  as: "SHOWN" | "DISCARDED",
  byId: string | null,
): Promise<boolean> {
  const { count } = await db.temporaryPassword.updateMany({
    where: { actionId, sealed: { not: null } },
    data: { sealed: null, endedAs: as, revealedAt: as === "SHOWN" ? new Date() : null, revealedById: as === "SHOWN" ? byId : null },
  });
  return count === 1;
}

export type WaitingPassword = {
  id: string;
  account: string;
  ownerId: string;
  ownerName: string | null;
  createdAt: Date;
  expiresAt: Date;
  stepStatus: string | null;
};

/** The passwords of a ticket still waiting to be shown (none of their values). */
export async function listWaitingPasswords(db: Db, viewer: Viewer, ticketId: string, now = new Date()): Promise<WaitingPassword[]> {
  const ticket = await db.ticket.findFirst({ where: { AND: [{ id: ticketId }, ticketAccessFor(viewer)] }, select: { id: true } });
  if (!ticket || !["ENGINEER", "PLATFORM_ADMIN"].includes(viewer.role)) return [];
  const rows = await db.temporaryPassword.findMany({
    where: { ticketId: ticket.id, sealed: { not: null }, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
  const [owners, actions] = await Promise.all([
    db.user.findMany({ where: { id: { in: rows.map((r) => r.ownerId) } }, select: { id: true, name: true } }),
    db.remediationAction.findMany({ where: { id: { in: rows.map((r) => r.actionId) } }, select: { id: true, status: true } }),
  ]);
  // A campaign's passwords (no remediation action: lib/campaigns/passwords.ts) are shown by the campaign, all at once.
  return rows
    .filter((r) => actions.some((a) => a.id === r.actionId))
    .map((r) => ({
      id: r.id,
      account: r.account,
      ownerId: r.ownerId,
      ownerName: owners.find((o) => o.id === r.ownerId)?.name ?? null,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      stepStatus: actions.find((a) => a.id === r.actionId)?.status ?? null,
    }));
}

/**
 * Shows a kept password once. The engineer who ran the reset may; a colleague must give a
 * reason. The row is erased in the same transaction, so two reveals cannot both read it.
 */
export async function revealTemporaryPassword(
  db: Db,
  viewer: Viewer,
  input: { passwordId: string; reason?: string },
  now = new Date(),
): Promise<{ password: string; account: string }> {
  assertCan(viewer, "remediation.run");
  const row = await db.temporaryPassword.findUnique({ where: { id: input.passwordId } });
  const ticket =
    row &&
    (await db.ticket.findFirst({
      where: { AND: [{ id: row.ticketId }, ticketAccessFor(viewer)] },
      select: { id: true, number: true, tenantId: true },
    }));
  if (!row || !ticket) throw notFoundError("Password");
  if (!row.sealed || row.expiresAt.getTime() <= now.getTime())
    throw new AppError(
      "INVALID_STATE",
      "This password was already shown or has expired: it is no longer kept. Reset the password again if nobody has it.",
    );
  const own = row.ownerId === viewer.id;
  const reason = input.reason?.trim() ?? "";
  if (!own && reason.length < 10)
    throw new AppError("INVALID_INPUT", "Say why you reveal a colleague's password (at least 10 characters).", { field: "reason" });
  const sealed = row.sealed;
  await db.$transaction(async (tx) => {
    const { count } = await tx.temporaryPassword.updateMany({
      where: { id: row.id, sealed: { not: null } },
      data: { sealed: null, endedAs: "SHOWN", revealedAt: now, revealedById: viewer.id },
    });
    if (count !== 1) throw new AppError("INVALID_STATE", "This password was just shown to someone else: it is no longer kept.");
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      action: "remediation.password-revealed",
      target: row.account,
      details: { by: own ? "owner" : "colleague", ownerId: row.ownerId, reason: own ? null : reason, actionId: row.actionId },
    });
  });
  return { password: decryptSecret(sealed, key()), account: row.account };
}

/** Erases passwords nobody revealed in time, each with an audit event. */
export async function expireTemporaryPasswords(db: Db, now = new Date()): Promise<number> {
  const due = await db.temporaryPassword.findMany({
    where: { sealed: { not: null }, expiresAt: { lte: now } },
    select: { id: true, ticketId: true, tenantId: true, account: true, actionId: true },
  });
  for (const row of due) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.temporaryPassword.updateMany({
        where: { id: row.id, sealed: { not: null } },
        data: { sealed: null, endedAs: "EXPIRED" },
      });
      if (count === 1)
        await recordAuditEvent(tx, {
          actorId: null,
          tenantId: row.tenantId,
          ticketId: row.ticketId,
          action: "remediation.password-expired",
          target: row.account,
          details: { actionId: row.actionId },
        });
    });
  }
  return due.length;
}
