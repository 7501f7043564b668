import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { AppError, notFoundError } from "@/lib/errors";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { formatDateTime } from "@/lib/utils/dates";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { advisoryFields } from "./advisory-select";

/** A send that has not finished after this long is treated as crashed: its outcome is unknown (send.ts). */
export const STALE_SENDING_MS = 2 * 60_000;

const advisorySelect = {
  ...advisoryFields,
  ticket: {
    select: {
      id: true,
      number: true,
      tenantId: true,
      status: true,
      affectedUpn: true,
      tenant: { select: { displayName: true, serviceMailbox: true, disconnectedAt: true, advisoryAllowList: true } },
      affectedUsers: { select: { upn: true } },
    },
  },
} as const;

/** An advisory on a ticket the viewer may see; a foreign id is "not found". */
export async function loadAdvisory(db: Db, viewer: Viewer, advisoryId: string) {
  const advisory = await db.advisory.findFirst({ where: { id: advisoryId, ticket: ticketAccessFor(viewer) }, select: advisorySelect });
  if (!advisory) throw notFoundError("Advisory");
  return advisory;
}

/** An advisory to change: as loadAdvisory, and its ticket must be open. */
export async function loadAdvisoryToChange(db: Db, viewer: Viewer, advisoryId: string) {
  const advisory = await loadAdvisory(db, viewer, advisoryId);
  assertTicketOpen(advisory.ticket, "change advisories");
  return advisory;
}

export type LoadedAdvisory = Awaited<ReturnType<typeof loadAdvisory>>;

/**
 * Why a guarded update touched no row: the advisory changed since the engineer loaded it, or
 * it is no longer in the state the action needs.
 */
export async function explainUnchanged(
  db: Db,
  viewer: Viewer,
  advisoryId: string,
  version: number,
  allowed: readonly string[],
): Promise<AppError> {
  const current = await loadAdvisory(db, viewer, advisoryId);
  if (!allowed.includes(current.status)) return wrongState(current);
  if (current.version !== version) return staleVersion();
  // A send in flight changed nothing yet; the shared message still makes the form reload.
  return new AppError("CONFLICT", CONFLICT_MESSAGE);
}

export function staleVersion() {
  return new AppError("CONFLICT", CONFLICT_MESSAGE);
}

export function wrongState(a: Pick<LoadedAdvisory, "status" | "sentAt" | "domain">): AppError {
  if (a.status === "SENDING") return new AppError("INVALID_STATE", `The advisory to ${a.domain} is being sent right now.`);
  if (a.status === "SENT") {
    return new AppError(
      "INVALID_STATE",
      `The advisory to ${a.domain} was already sent${a.sentAt ? ` on ${formatDateTime(a.sentAt)}` : ""}.`,
    );
  }
  if (a.status === "SEND_UNKNOWN")
    return new AppError(
      "INVALID_STATE",
      `Whether the advisory to ${a.domain} went out is not known: check the service mailbox's Sent Items, then mark it sent or send it again.`,
    );
  if (a.status === "ACKNOWLEDGED") return new AppError("INVALID_STATE", `The advisory to ${a.domain} was already acknowledged.`);
  return new AppError("INVALID_STATE", `The advisory to ${a.domain} has not been sent yet.`);
}
