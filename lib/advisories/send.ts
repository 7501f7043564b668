import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import { mayHaveApplied } from "@/lib/graph/errors";
import { sendMail } from "@/lib/graph/mail";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { explainUnchanged, loadAdvisoryToChange, STALE_SENDING_MS, staleVersion, wrongState, type LoadedAdvisory } from "./load";
import { outsidePolicyMessage, recipientsOutsidePolicy } from "./recipient-policy";
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

/** The recipients as the server allows them: the advisory's domain or the tenant's allow-list (recipient-policy.ts). */
export function assertRecipientsAllowed(
  a: Pick<LoadedAdvisory, "domain" | "toAddresses"> & { ticket: { tenant: { advisoryAllowList: string[] } } },
  addresses = a.toAddresses,
) {
  const outside = recipientsOutsidePolicy(addresses, a.domain, a.ticket.tenant.advisoryAllowList);
  if (outside.length > 0) throw new AppError("INVALID_INPUT", outsidePolicyMessage(outside, a.domain), { field: "toAddresses" });
}

/** A send whose outcome nobody knows: its process died mid-call, or Graph timed out or answered 5xx. */
const UNKNOWN_WORDS = (from: string) =>
  `Whether the advisory went out is not known (Graph did not answer, or the send was interrupted). Check the Sent Items of ${from}: then mark it sent, or send it again knowingly.`;

/**
 * An attempt still PENDING past STALE_SENDING_MS belongs to a send whose process died: its outcome
 * is UNKNOWN (sendMail may have queued the mail), shown as such, never retried by itself.
 */
export async function settleStaleSends(db: Db, now = new Date()) {
  const stale = await db.advisorySendAttempt.findMany({
    where: { outcome: "PENDING", startedAt: { lt: new Date(now.getTime() - STALE_SENDING_MS) } },
  });
  for (const attempt of stale) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.advisorySendAttempt.updateMany({
        where: { id: attempt.id, outcome: "PENDING" },
        data: { outcome: "UNKNOWN", finishedAt: now, error: "interrupted" },
      });
      if (count === 0) return;
      const advisory = await tx.advisory.findUnique({
        where: { id: attempt.advisoryId },
        select: { domain: true, ticketId: true, ticket: { select: { tenantId: true } } },
      });
      await tx.advisory.updateMany({ where: { id: attempt.advisoryId, status: "SENDING" }, data: { status: "SEND_UNKNOWN" } });
      await recordAuditEvent(tx, {
        actorId: null,
        tenantId: advisory?.ticket.tenantId,
        ticketId: advisory?.ticketId,
        action: "advisory.sent",
        target: advisory?.domain,
        result: "UNKNOWN",
        details: { attemptId: attempt.id, via: "graph", interrupted: true },
      });
    });
  }
  return stale.length;
}

/**
 * Sends a drafted advisory through Graph sendMail from the tenant's service mailbox, to the
 * advisory's domain (or the tenant's allow-list) only. The row is claimed (SENDING) and the
 * attempt recorded and audited before the call, so a double click, a second engineer or a crash
 * cannot send it twice: sendMail is not idempotent, so an attempt whose outcome is unknown
 * (timeout, 5xx, a dead process) becomes SEND_UNKNOWN for a person to decide — sending again
 * then needs `resendAfterUnknown`. A refused call puts it back to DRAFTED.
 */
export async function sendAdvisory(db: Db, viewer: Viewer, input: TAdvisoryRef & { resendAfterUnknown?: boolean }) {
  assertCan(viewer, "tickets.work");
  await settleStaleSends(db);
  const a = await loadAdvisoryToChange(db, viewer, input.advisoryId);
  if (a.status === "SEND_UNKNOWN" && !input.resendAfterUnknown) throw new AppError("INVALID_STATE", UNKNOWN_WORDS(senderFor(a)));
  const allowed = input.resendAfterUnknown ? ["DRAFTED", "SEND_UNKNOWN"] : ["DRAFTED"];
  if (!allowed.includes(a.status)) throw wrongState(a);
  if (a.version !== input.version) throw staleVersion();
  const sender = senderFor(a);
  if (a.toAddresses.length === 0) {
    throw new AppError("INVALID_INPUT", "Enter at least one address of the domain's administrators.", { field: "toAddresses" });
  }
  assertRecipientsAllowed(a);
  const audit = { actorId: viewer.id, tenantId: a.ticket.tenantId, ticketId: a.ticket.id, action: "advisory.sent", target: a.domain };
  const details = { via: "graph", from: sender, toAddresses: a.toAddresses, subject: a.subject };

  const attemptId = await db.$transaction(async (tx) => {
    const claimed = await tx.advisory.updateMany({
      where: { id: a.id, version: input.version, status: { in: allowed } },
      data: { status: "SENDING" },
    });
    if (claimed.count === 0) return null;
    const attempt = await tx.advisorySendAttempt.create({
      data: { advisoryId: a.id, actorId: viewer.id, fromAddress: sender, toAddresses: a.toAddresses },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      ...audit,
      action: "advisory.send-attempted",
      result: "PENDING",
      details: { ...details, attemptId: attempt.id, afterUnknown: a.status === "SEND_UNKNOWN" },
    });
    return attempt.id;
  });
  if (!attemptId) throw await explainUnchanged(db, viewer, a.id, input.version, allowed);

  let requestId: string | null;
  try {
    const graph = await getTenantGraph(db, a.ticket.tenantId);
    ({ requestId } = await sendMail(graph, { from: sender, to: a.toAddresses, subject: a.subject, text: a.body }));
  } catch (error) {
    const unknown = mayHaveApplied(error) || (isAppError(error) && error.details?.graphCode === "NetworkError");
    await db.$transaction(async (tx) => {
      await tx.advisorySendAttempt.update({
        where: { id: attemptId },
        data: { outcome: unknown ? "UNKNOWN" : "FAILED", finishedAt: new Date(), error: isAppError(error) ? error.code : "UNEXPECTED" },
      });
      await tx.advisory.updateMany({ where: { id: a.id, status: "SENDING" }, data: { status: unknown ? "SEND_UNKNOWN" : "DRAFTED" } });
      await recordAuditEvent(tx, {
        ...audit,
        result: unknown ? "UNKNOWN" : "FAILED",
        details: { ...details, attemptId, error: isAppError(error) ? error.code : "UNEXPECTED" },
      });
    });
    // A timeout, a dropped connection or a 5xx may hide a message that did go out: never invite a blind resend.
    if (unknown) throw new AppError("UPSTREAM_UNAVAILABLE", `${isAppError(error) ? error.message : ""} ${UNKNOWN_WORDS(sender)}`.trim());
    throw error;
  }

  await db.$transaction(async (tx) => {
    await tx.advisorySendAttempt.update({ where: { id: attemptId }, data: { outcome: "SENT", finishedAt: new Date(), requestId } });
    await tx.advisory.updateMany({
      where: { id: a.id, status: "SENDING" },
      data: { status: "SENT", sentAt: new Date(), sentById: viewer.id, requestId, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, { ...audit, details: { ...details, attemptId }, requestIds: requestId ? [requestId] : [] });
  });
  return { id: a.id, version: input.version + 1, ticketId: a.ticket.id, requestId };
}
