import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import { listMessageTraces, type MessageTrace } from "@/lib/graph/message-trace";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getUser } from "@/lib/graph/users";
import { planTraceRefresh } from "@/lib/scope/domain-counts";
import type { TRunMessageTrace } from "./schemas";
import { domainOf, normaliseTraceStatus } from "./statuses";
import { summariseByDomain } from "./summarise";
import { checkTraceWindow, defaultTraceWindow, splitTraceWindow } from "./window";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

/** Audit rows keep a bounded list of Graph request ids (a long window is many queries). */
const MAX_AUDITED_REQUEST_IDS = 20;

/**
 * The account's mail in the window. Exchange traces the primary SMTP address (the user's `mail`),
 * which differs from the UPN in many tenants (exchangemessagetrace.md): a trace by UPN would come
 * back empty without an error, so the address is read from the directory first.
 */
async function fetchTraces(db: Db, tenantId: string, upn: string, window: { start: Date; end: Date }, now: Date) {
  const graph = await getTenantGraph(db, tenantId);
  const user = await getUser(graph, upn);
  if (!user) throw new AppError("INVALID_STATE", `${upn} does not exist in the tenant, so there is no mail to trace.`);
  if (!user.mail) throw new AppError("INVALID_STATE", `${upn} has no mail address (no mailbox), so there is no mail to trace.`);
  const traces: MessageTrace[] = [];
  const requestIds: string[] = [];
  let truncated = false;
  // One query per ≤ 10-day part, one after another: the tenant's quota is 100 per 5 minutes.
  for (const part of splitTraceWindow(window, now)) {
    const result = await listMessageTraces(graph, { senderAddress: user.mail, startDate: part.start, endDate: part.end });
    traces.push(...result.traces);
    requestIds.push(...result.requestIds);
    truncated ||= result.truncated;
  }
  return { traces, requestIds, sender: user.mail, truncated };
}

type TraceRow = Prisma.MessageTraceEntryCreateManyInput & { recipientDomain: string; status: string; receivedAt: Date };

function toRows(ticketId: string, traces: MessageTrace[], now: Date): TraceRow[] {
  const rows = new Map<string, TraceRow>();
  for (const t of traces) {
    const recipient = t.recipientAddress.trim().toLowerCase();
    // Adjacent windows share their boundary second, so the same row can come back twice.
    rows.set(`${t.id}\n${recipient}`, {
      ticketId,
      traceId: t.id,
      senderAddress: t.senderAddress.trim().toLowerCase(),
      recipient,
      recipientDomain: domainOf(recipient),
      subject: t.subject?.trim() ? t.subject : null,
      status: normaliseTraceStatus(t.status),
      receivedAt: t.receivedAt,
      size: t.size ?? null,
      refreshedAt: now,
    });
  }
  return [...rows.values()];
}

/**
 * Runs the message trace of what the ticket's account sent, replaces the stored rows with the
 * result and refreshes the Scope stage's recipient domains (source TRACE) from it.
 */
export async function runMessageTrace(db: Db, viewer: Viewer, input: TRunMessageTrace) {
  assertCan(viewer, "tickets.work");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "run the message trace", {
    affectedUpn: true,
    detectedAt: true,
    tenant: { select: { primaryDomain: true, disconnectedAt: true } },
  });
  const now = new Date();
  const fallback = defaultTraceWindow(ticket.detectedAt, now);
  const window = { start: input.startDate ?? fallback.start, end: input.endDate ?? fallback.end };
  const problem = checkTraceWindow(window, now);
  if (problem) throw new AppError("INVALID_INPUT", problem.message, { field: problem.field });
  const audit = {
    actorId: viewer.id,
    tenantId: ticket.tenantId,
    ticketId: ticket.id,
    action: "message-trace.run",
    target: ticket.affectedUpn,
  };
  const windowDetails = { start: window.start.toISOString(), end: window.end.toISOString() };

  let fetched: Awaited<ReturnType<typeof fetchTraces>>;
  try {
    fetched = await fetchTraces(db, ticket.tenantId, ticket.affectedUpn, window, now);
  } catch (error) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        ...audit,
        result: "FAILED",
        details: { window: windowDetails, error: isAppError(error) ? error.code : "UNEXPECTED" },
      }),
    );
    throw error;
  }

  const rows = toRows(ticket.id, fetched.traces, now);
  const summary = summariseByDomain(rows, ticket.tenant.primaryDomain);
  await db.$transaction(async (tx) => {
    // Serialise runs on one ticket so two engineers' refreshes never interleave.
    await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${ticket.id} FOR UPDATE`;
    await tx.messageTraceEntry.deleteMany({ where: { ticketId: ticket.id } });
    await tx.messageTraceEntry.createMany({ data: rows, skipDuplicates: true });
    // Scope's recipient domains: the trace's counts are refreshed, the engineer's corrections kept.
    const stored = await tx.recipientDomain.findMany({
      where: { ticketId: ticket.id },
      select: {
        id: true,
        domain: true,
        source: true,
        traceMessageCount: true,
        traceRecipientCount: true,
        manualMessageCount: true,
        manualRecipientCount: true,
      },
    });
    const plan = planTraceRefresh(stored, summary);
    if (plan.create.length > 0)
      await tx.recipientDomain.createMany({ data: plan.create.map((d) => ({ ticketId: ticket.id, source: "TRACE", ...d })) });
    for (const u of plan.update) await tx.recipientDomain.update({ where: { id: u.id }, data: u.data });
    if (plan.remove.length > 0) await tx.recipientDomain.deleteMany({ where: { id: { in: plan.remove } } });
    await recordAuditEvent(tx, {
      ...audit,
      details: {
        window: windowDetails,
        sender: fetched.sender,
        messages: rows.length,
        // Graph had more than we read: every view of this trace says "first N of more".
        truncated: fetched.truncated,
        domains: summary.map((d) => ({ domain: d.domain, messages: d.messageCount, unsettled: d.unsettledCount })),
      },
      requestIds: fetched.requestIds.slice(0, MAX_AUDITED_REQUEST_IDS),
    });
  });
  return { window, messages: rows.length, domains: summary.map((d) => d.domain), sender: fetched.sender, truncated: fetched.truncated };
}
