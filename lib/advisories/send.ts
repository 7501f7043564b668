import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import { isTimeout } from "@/lib/graph/errors";
import { sendMail } from "@/lib/graph/mail";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { explainUnchanged, loadAdvisoryToChange, STALE_SENDING_MS, staleVersion, wrongState, type LoadedAdvisory } from "./load";
import type { TAdvisoryRef } from "./schemas";

/** The mailbox to send from: the tenant's service mailbox, never an affected (compromised) one. */
export function senderFor(a: LoadedAdvisory): string {
  const from = a.ticket.tenant.serviceMailbox?.trim().toLowerCase();
  if (!from) {
    throw new AppError(
      "INVALID_STATE",
      `No service mailbox is configured for ${a.ticket.tenant.displayName}, so the advisory cannot be sent from here. A platform admin can set one on the tenant; meanwhile, copy the advisory and send it yourself.`,
    );
  }
  const affected = new Set([a.ticket.affectedUpn, ...a.ticket.affectedUsers.map((u) => u.upn)].map((u) => u.toLowerCase()));
  if (affected.has(from)) {
    throw new AppError(
      "INVALID_STATE",
      `The tenant's service mailbox (${from}) is an affected account of this incident. Advisories are never sent from a compromised mailbox: configure another service mailbox, or copy the advisory.`,
    );
  }
  return from;
}

/**
 * Sends a drafted advisory through Graph sendMail from the tenant's service mailbox. The row is
 * claimed (SENDING) before the call, so a double click or a second engineer cannot send it
 * twice; a failed call puts it back to DRAFTED.
 */
export async function sendAdvisory(db: Db, viewer: Viewer, input: TAdvisoryRef) {
  assertCan(viewer, "tickets.work");
  const a = await loadAdvisoryToChange(db, viewer, input.advisoryId);
  const staleSending = a.status === "SENDING" && Date.now() - a.updatedAt.getTime() > STALE_SENDING_MS;
  if (a.status !== "DRAFTED" && !staleSending) throw wrongState(a);
  if (a.version !== input.version) throw staleVersion();
  const from = senderFor(a);
  if (a.toAddresses.length === 0) {
    throw new AppError("INVALID_INPUT", "Enter at least one address of the domain's administrators.", { field: "toAddresses" });
  }

  const claimed = await db.advisory.updateMany({
    where: {
      id: a.id,
      version: input.version,
      OR: [{ status: "DRAFTED" }, { status: "SENDING", updatedAt: { lt: new Date(Date.now() - STALE_SENDING_MS) } }],
    },
    data: { status: "SENDING" },
  });
  if (claimed.count === 0) throw await explainUnchanged(db, viewer, a.id, input.version, ["DRAFTED"]);
  const audit = { actorId: viewer.id, tenantId: a.ticket.tenantId, ticketId: a.ticket.id, action: "advisory.sent", target: a.domain };
  const details = { via: "graph", from, toAddresses: a.toAddresses, subject: a.subject };

  let requestId: string | null;
  try {
    const graph = await getTenantGraph(db, a.ticket.tenantId);
    ({ requestId } = await sendMail(graph, { from, to: a.toAddresses, subject: a.subject, text: a.body }));
  } catch (error) {
    await db.$transaction(async (tx) => {
      await tx.advisory.updateMany({ where: { id: a.id, status: "SENDING" }, data: { status: "DRAFTED" } });
      await recordAuditEvent(tx, { ...audit, result: "FAILED", details: { ...details, error: isAppError(error) ? error.code : "UNEXPECTED" } });
    });
    if (isAppError(error) && (isTimeout(error) || error.details?.graphCode === "NetworkError")) {
      // A timeout or a dropped connection may hide a message that did go out: say so rather
      // than invite a blind resend.
      throw new AppError(
        "UPSTREAM_UNAVAILABLE",
        `${error.message} The advisory may still have been sent: check the Sent Items of ${from} before sending again, or mark it sent.`,
      );
    }
    throw error;
  }

  await db.$transaction(async (tx) => {
    await tx.advisory.updateMany({
      where: { id: a.id, status: "SENDING" },
      data: { status: "SENT", sentAt: new Date(), sentById: viewer.id, requestId, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, { ...audit, details, requestIds: requestId ? [requestId] : [] });
  });
  return { id: a.id, version: input.version + 1, ticketId: a.ticket.id, requestId };
}
