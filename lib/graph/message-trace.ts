import type { TenantGraph } from "./client";
import { listAll, odataQuote } from "./request";

/** Graph documents the filter's dates as YYYY-MM-DDThh:mm:ssZ: no fractions of a second. */
const traceDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export type MessageTrace = { id: string; senderAddress: string; recipientAddress: string; subject: string | null; status: string; receivedAt: Date; size: number | null };

type Row = { id: string; senderAddress: string; recipientAddress: string; subject?: string | null; status: string; receivedDateTime: string; size?: number | null };

/** Mail the sender sent in the window (Graph allows 10-day windows, 90 days back), all pages. */
export async function listMessageTraces(g: TenantGraph, q: { senderAddress: string; startDate: Date; endDate: Date }): Promise<{ traces: MessageTrace[]; requestIds: string[] }> {
  const filter = [
    `senderAddress eq ${odataQuote(q.senderAddress)}`,
    `receivedDateTime ge ${traceDate(q.startDate)}`,
    `receivedDateTime le ${traceDate(q.endDate)}`,
  ].join(" and ");
  const { items, requestIds } = await listAll<Row>(g, { op: "listMessageTraces", path: `/admin/exchange/tracing/messageTraces?$filter=${encodeURIComponent(filter)}` });
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
  };
}
