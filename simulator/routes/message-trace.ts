import { notFound, ok, type GraphContext } from "../http";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import type { SentMessage } from "../state";

// Message trace: a message's status starts gettingStatus/pending and settles on the simulator
// clock, so a later trace shows delivered/failed.

export function statusAt(m: SentMessage, now: Date): string {
  return m.settlesAt && now < new Date(m.settlesAt) ? m.initialStatus : m.finalStatus;
}

function traceView(m: SentMessage, now: Date) {
  return {
    id: m.id,
    messageId: m.messageId,
    senderAddress: m.senderAddress,
    recipientAddress: m.recipientAddress,
    subject: m.subject,
    size: m.size,
    fromIP: m.fromIP,
    toIP: null,
    receivedDateTime: m.receivedDateTime,
    status: statusAt(m, now),
  };
}

function details(ctx: GraphContext, [traceId, recipient]: string[], rt: SimRuntime) {
  const address = decodeURIComponent(recipient!).replace(/^'(.*)'$/, "$1").toLowerCase();
  const m = ctx.tenant.sent.find((s) => s.id === traceId && s.recipientAddress.toLowerCase() === address);
  if (!m) throw notFound(traceId!);
  const status = statusAt(m, rt.clock.now());
  const events = [
    { event: "Receive", action: null, description: `Message received by: ${m.senderAddress.split("@")[1]}`, dateTime: m.receivedDateTime },
    { event: "Submit", action: null, description: "The message was submitted.", dateTime: m.receivedDateTime },
    ...(status === "delivered" ? [{ event: "Deliver", action: null, description: "The message was successfully delivered.", dateTime: m.settlesAt ?? m.receivedDateTime }] : []),
    ...(status === "failed" ? [{ event: "Fail", action: null, description: "550 5.1.8 Access denied, bad outbound sender.", dateTime: m.settlesAt ?? m.receivedDateTime }] : []),
    ...(status === "pending" || status === "gettingStatus" ? [{ event: "Defer", action: null, description: "The message is waiting to be delivered.", dateTime: m.receivedDateTime }] : []),
  ];
  return ok(collection(ctx, events.map((e, i) => ({ id: `${m.id}-${i}`, messageId: m.messageId, data: null, ...e }))));
}

export const messageTraceRoutes: Route[] = [
  {
    op: "listMessageTraces", method: "GET", pattern: path("/admin/exchange/tracing/messageTraces"), licence: "messageTrace", bucket: "messageTrace",
    permissions: ["ExchangeMessageTrace.Read.All"],
    handle: (ctx, _p, rt) => ok(collection(ctx, ctx.tenant.sent.map((m) => traceView(m, rt.clock.now())), { defaultTop: 1000, maxTop: 5000 })),
  },
  {
    op: "getMessageTraceDetails", method: "GET", pattern: /^\/admin\/exchange\/tracing\/messageTraces\/([^/]+)\/(?:microsoft\.graph\.)?getDetailsByRecipient\(recipientAddress=(.+)\)$/i,
    licence: "messageTrace", bucket: "messageTrace", permissions: ["ExchangeMessageTrace.Read.All"], handle: details,
  },
];
