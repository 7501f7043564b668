import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { summariseByDomain } from "./summarise";

/** More rows than this are summarised but not all sent to the browser table. */
export const MAX_TABLE_ROWS = 2000;

export type TraceTableRow = {
  id: string;
  recipient: string;
  recipientDomain: string;
  subject: string | null;
  status: string;
  receivedAt: Date;
};

/** truncated: Graph had more rows than the trace reads (MAX_TRACE_ROWS): "first N of more". sender: the SMTP address traced. */
export type LastTraceRun = {
  at: Date;
  result: string;
  start: string | null;
  end: string | null;
  messages: number | null;
  truncated: boolean;
  sender: string | null;
};

/**
 * The stored trace of a ticket the viewer may see: rows for the table, the per-domain summary
 * and the last run (from the audit log, which also records failed runs).
 */
export async function getTraceOverview(db: Db, viewer: Viewer, ticket: { id: string; tenantPrimaryDomain: string }) {
  const scoped = { ticketId: ticket.id, ticket: ticketAccessFor(viewer) };
  const [all, lastRun] = await Promise.all([
    db.messageTraceEntry.findMany({
      where: scoped,
      orderBy: [{ receivedAt: "desc" }, { recipient: "asc" }],
      select: {
        id: true,
        traceId: true,
        recipient: true,
        recipientDomain: true,
        subject: true,
        status: true,
        receivedAt: true,
        refreshedAt: true,
      },
    }),
    db.auditEvent.findFirst({
      where: { ticketId: ticket.id, ticket: ticketAccessFor(viewer), action: "message-trace.run" },
      orderBy: { seq: "desc" },
      select: { at: true, result: true, details: true },
    }),
  ]);
  const details = (lastRun?.details ?? {}) as {
    window?: { start?: string; end?: string };
    messages?: number;
    truncated?: boolean;
    sender?: string;
  };
  return {
    rows: all.slice(0, MAX_TABLE_ROWS).map((r): TraceTableRow => ({
      id: r.id,
      recipient: r.recipient,
      recipientDomain: r.recipientDomain,
      subject: r.subject,
      status: r.status,
      receivedAt: r.receivedAt,
    })),
    total: all.length,
    summary: summariseByDomain(all, ticket.tenantPrimaryDomain),
    refreshedAt: all[0]?.refreshedAt ?? null,
    lastRun: lastRun
      ? ({
          at: lastRun.at,
          result: lastRun.result,
          start: details.window?.start ?? null,
          end: details.window?.end ?? null,
          messages: details.messages ?? null,
          truncated: details.truncated === true,
          sender: details.sender ?? null,
        } satisfies LastTraceRun)
      : null,
  };
}
