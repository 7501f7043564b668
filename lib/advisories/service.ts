import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFoundError } from "@/lib/errors";
import { formatTicketNumber } from "@/lib/tickets/format";
import { draftAdvisories, draftAdvisory } from "./draft-advisory";
import { assertRecipientsAllowed } from "./send";
import { mayKeepAllowList } from "./queries";
import { explainUnchanged, loadAdvisoryToChange, type LoadedAdvisory } from "./load";
import type { TAcknowledgeAdvisory, TAdvisoryRef, TUpdateAdvisory } from "./schemas";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

const traceSelect = {
  traceId: true,
  senderAddress: true,
  recipient: true,
  recipientDomain: true,
  subject: true,
  status: true,
  receivedAt: true,
} as const;

const auditFor = (viewer: Viewer, a: LoadedAdvisory, action: string) => ({
  actorId: viewer.id,
  tenantId: a.ticket.tenantId,
  ticketId: a.ticket.id,
  action,
  target: a.domain,
});

/**
 * Applies a change to an advisory only if it is still at the version the engineer saw and in one
 * of the allowed states, with its audit event in the same transaction. The reason for a refusal
 * is worked out after the transaction (PGlite has one connection).
 */
async function guardedUpdate(
  db: Db,
  viewer: Viewer,
  a: LoadedAdvisory,
  version: number,
  status: string | string[],
  data: Prisma.AdvisoryUpdateManyMutationInput,
  audit: { action: string; details?: Prisma.InputJsonValue },
) {
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.advisory.updateMany({
      where: { id: a.id, version, status: { in: [status].flat() } },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, { ...auditFor(viewer, a, audit.action), details: audit.details });
    return true;
  });
  if (!changed) throw await explainUnchanged(db, viewer, a.id, version, [status].flat());
  return { id: a.id, version: version + 1, ticketId: a.ticket.id };
}

/** Drafts an advisory for every external recipient domain of the stored trace that has none yet. */
export async function draftTicketAdvisories(db: Db, viewer: Viewer, input: { ticketId: string }) {
  assertCan(viewer, "tickets.work");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "draft advisories", {
    tenant: { select: { displayName: true, primaryDomain: true, disconnectedAt: true } },
  });
  const traces = await db.messageTraceEntry.findMany({ where: { ticketId: ticket.id }, select: traceSelect });
  if (traces.length === 0) throw new AppError("INVALID_STATE", "Run the message trace first: advisories are drafted from it.");
  const drafts = draftAdvisories(traces, {
    ticketRef: formatTicketNumber(ticket.number),
    tenantName: ticket.tenant.displayName,
    primaryDomain: ticket.tenant.primaryDomain,
  });
  return db.$transaction(async (tx) => {
    const existing = new Set(
      (await tx.advisory.findMany({ where: { ticketId: ticket.id }, select: { domain: true } })).map((a) => a.domain),
    );
    const fresh = drafts.filter((d) => !existing.has(d.domain));
    // skipDuplicates: a concurrent click drafting the same domain is not an error.
    await tx.advisory.createMany({
      // The drafted text is kept beside the working copy: an engineer's edits show against it.
      data: fresh.map((d) => ({
        ticketId: ticket.id,
        domain: d.domain,
        toAddresses: d.toAddresses,
        subject: d.subject,
        body: d.body,
        draftedSubject: d.subject,
        draftedBody: d.body,
      })),
      skipDuplicates: true,
    });
    if (fresh.length > 0) {
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        tenantId: ticket.tenantId,
        ticketId: ticket.id,
        action: "advisory.drafted",
        target: fresh.map((d) => d.domain).join(", "),
        details: { domains: fresh.map((d) => ({ domain: d.domain, messages: d.facts.messageCount, unsettled: d.facts.unsettledCount })) },
      });
    }
    return {
      ticketId: ticket.id,
      drafted: fresh.map((d) => d.domain),
      kept: drafts.filter((d) => existing.has(d.domain)).map((d) => d.domain),
    };
  });
}

/** Rewrites a draft's subject and body from the latest trace; the addresses typed are kept. */
export async function redraftAdvisory(db: Db, viewer: Viewer, input: TAdvisoryRef) {
  assertCan(viewer, "tickets.work");
  const a = await loadAdvisoryToChange(db, viewer, input.advisoryId);
  const traces = await db.messageTraceEntry.findMany({ where: { ticketId: a.ticket.id, recipientDomain: a.domain }, select: traceSelect });
  if (traces.length === 0)
    throw new AppError("INVALID_STATE", `The latest message trace has no mail to ${a.domain}; nothing to redraft from.`);
  const draft = draftAdvisory(a.domain, traces, {
    ticketRef: formatTicketNumber(a.ticket.number),
    tenantName: a.ticket.tenant.displayName,
  });
  return guardedUpdate(
    db,
    viewer,
    a,
    input.version,
    "DRAFTED",
    { subject: draft.subject, body: draft.body, draftedSubject: draft.subject, draftedBody: draft.body },
    { action: "advisory.redrafted", details: { messages: draft.facts.messageCount } },
  );
}

/** Saves the engineer's edits to a draft. */
export async function updateAdvisory(db: Db, viewer: Viewer, input: TUpdateAdvisory) {
  assertCan(viewer, "tickets.work");
  const a = await loadAdvisoryToChange(db, viewer, input.advisoryId);
  assertRecipientsAllowed(a, input.toAddresses);
  const drafted = await db.advisory.findUniqueOrThrow({ where: { id: a.id }, select: { draftedSubject: true, draftedBody: true } });
  // Whether the text now differs from what Breachdesk drafted: the tenant's admin sees the edit.
  const textEdited = drafted.draftedBody !== null && (input.subject !== drafted.draftedSubject || input.body !== drafted.draftedBody);
  return guardedUpdate(
    db,
    viewer,
    a,
    input.version,
    "DRAFTED",
    { toAddresses: input.toAddresses, subject: input.subject, body: input.body },
    { action: "advisory.edited", details: { toAddresses: input.toAddresses, textEdited } },
  );
}

/** The engineer copied the advisory and sent it from their own mail client. */
export async function markAdvisorySent(db: Db, viewer: Viewer, input: TAdvisoryRef) {
  assertCan(viewer, "tickets.work");
  const a = await loadAdvisoryToChange(db, viewer, input.advisoryId);
  return guardedUpdate(
    db,
    viewer,
    a,
    input.version,
    ["DRAFTED", "SEND_UNKNOWN"],
    { status: "SENT", sentAt: new Date(), sentById: viewer.id, requestId: null },
    { action: "advisory.sent", details: { via: "copy", toAddresses: a.toAddresses } },
  );
}

/**
 * The recipient domain's admins confirmed they blocked or deleted the mail: who recorded it and
 * when are kept, and who at the domain confirmed when the engineer says.
 */
export async function acknowledgeAdvisory(db: Db, viewer: Viewer, input: TAcknowledgeAdvisory) {
  assertCan(viewer, "tickets.work");
  const a = await loadAdvisoryToChange(db, viewer, input.advisoryId);
  const from = input.acknowledgedFrom ?? null;
  return guardedUpdate(
    db,
    viewer,
    a,
    input.version,
    "SENT",
    { status: "ACKNOWLEDGED", acknowledgedAt: new Date(), acknowledgedById: viewer.id, acknowledgedFrom: from },
    { action: "advisory.acknowledged", details: { from } },
  );
}

/** The tenant's advisory allow-list, kept by its admin or a platform admin. */
export async function updateAdvisoryAllowList(db: Db, viewer: Viewer, input: { tenantId: string; entries: string[] }) {
  if (!mayKeepAllowList(viewer, input.tenantId)) throw notFoundError("Tenant");
  const tenant = await db.tenant.findUnique({
    where: { id: input.tenantId },
    select: { id: true, primaryDomain: true, advisoryAllowList: true },
  });
  if (!tenant) throw notFoundError("Tenant");
  await db.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data: { advisoryAllowList: input.entries } });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: tenant.id,
      action: "tenant.advisory-allow-list",
      target: tenant.primaryDomain,
      details: { before: tenant.advisoryAllowList, after: input.entries },
    });
  });
  return { tenantId: tenant.id, entries: input.entries };
}
