import type { TenantGraph } from "./client";
import { listAll, odataQuote } from "./request";

/** Graph documents the filter's dates as YYYY-MM-DDThh:mm:ssZ: no fractions of a second. */
const traceDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export type MessageTrace = {
  id: string;
  senderAddress: string;
  recipientAddress: string;
  subject: string | null;
  status: string;
  receivedAt: Date;
  size: number | null;
};

type Row = {
  id: string;
  senderAddress: string;
  recipientAddress: string;
  subject?: string | null;
  status: string;
  receivedDateTime: string;
  size?: number | null;
};

/** Graph's largest page (messagetracingroot-list-messagetraces: $top 1–5000); fewer round trips against 100 requests / 5 min per tenant. */
export const TRACE_PAGE_SIZE = 5000;
/** We stop reading here and say so ("first N of more"): a ticket's table and advisories need no more. */
export const MAX_TRACE_ROWS = 50_000;

/**
 * Mail the sender sent in the window (Graph allows 10-day windows, 90 days back), all pages up to
 * MAX_TRACE_ROWS. senderAddress is the primary SMTP address (the user's `mail`), never the UPN:
 * Exchange traces what it sent (exchangemessagetrace.md), and a UPN that differs finds nothing.
 */
export async function listMessageTraces(
  g: TenantGraph,
  q: { senderAddress: string; startDate: Date; endDate: Date },
): Promise<{ traces: MessageTrace[]; requestIds: string[]; truncated: boolean }> {
  const filter = [
    `senderAddress eq ${odataQuote(q.senderAddress)}`,
    `receivedDateTime ge ${traceDate(q.startDate)}`,
    `receivedDateTime le ${traceDate(q.endDate)}`,
  ].join(" and ");
  const path = `/admin/exchange/tracing/messageTraces?$filter=${encodeURIComponent(filter)}&$top=${TRACE_PAGE_SIZE}`;
  const { items, requestIds, truncated } = await listAll<Row>(g, { op: "listMessageTraces", path }, MAX_TRACE_ROWS);
  return {
    traces: items.map((r) => ({
      id: r.id,
      senderAddress: r.senderAddress,
      recipientAddress: r.recipientAddress,
      subject: r.subject ?? null,
      status: r.status,
      receivedAt: new Date(r.receivedDateTime),
      size: r.size ?? null,
    })),
    requestIds,
    truncated,
  };
}
