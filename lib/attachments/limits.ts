import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { MAX_BYTES_PER_TICKET, MAX_FILES_PER_TICKET, MAX_UPLOADS_PER_USER, UPLOAD_WINDOW_SECONDS } from "./rules";

// How much evidence one ticket may hold, and how fast one person may upload. The rate is counted
// in the database (shared by every app instance) before the file is read into storage; the quota
// is checked in the transaction that records the file, with the ticket's row locked, so parallel
// uploads cannot together pass it.

const byDb = new WeakMap<Db, RateLimiterPrisma>();
const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const uploadsTooFast = (ms: number) => {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `You have uploaded ${MAX_UPLOADS_PER_USER} files in the last ${UPLOAD_WINDOW_SECONDS / 60} minutes. Wait ${minutes} minute${minutes === 1 ? "" : "s"} before uploading more.`;
};
export const TICKET_FULL = `This ticket holds as much evidence as it can (${MAX_FILES_PER_TICKET} files or ${megabytes(MAX_BYTES_PER_TICKET)}). Describe what else you have in an update instead.`;

/** Counts one upload for the person; throws RATE_LIMITED (on the file field) past the limit. */
export async function countUpload(db: Db, userId: string): Promise<void> {
  let limiter = byDb.get(db);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      clearExpiredByTimeout: false,
      keyPrefix: "upload-user",
      points: MAX_UPLOADS_PER_USER,
      duration: UPLOAD_WINDOW_SECONDS,
    });
    byDb.set(db, limiter);
  }
  try {
    await limiter.consume(userId, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError("RATE_LIMITED", uploadsTooFast(error.msBeforeNext), { field: "file" });
    throw error;
  }
}

/** Inside the recording transaction: locks the ticket's row, then checks what it holds already. */
export async function assertTicketHasRoom(tx: Prisma.TransactionClient, ticketId: string, size: number): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Ticket" WHERE id = ${ticketId} FOR UPDATE`;
  const held = await tx.attachment.aggregate({ where: { ticketId }, _count: { _all: true }, _sum: { size: true } });
  if (held._count._all >= MAX_FILES_PER_TICKET || (held._sum.size ?? 0) + size > MAX_BYTES_PER_TICKET) {
    throw new AppError("INVALID_STATE", TICKET_FULL, { field: "file" });
  }
}
