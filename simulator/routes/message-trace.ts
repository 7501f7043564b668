import { conjuncts, parseFilterText, type FilterNode } from "../filter";
import { checkFilterRules, MESSAGE_TRACE_FILTERS } from "../filter-rules";
import { badRequest, notFound, ok, type GraphContext } from "../http";
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
  const address = decodeURIComponent(recipient!)
    .replace(/^'(.*)'$/, "$1")
    .toLowerCase();
  const m = ctx.tenant.sent.find((s) => s.id === traceId && s.recipientAddress.toLowerCase() === address);
  if (!m) throw notFound(traceId!);
  const status = statusAt(m, rt.clock.now());
  const events = [
    { event: "Receive", action: null, description: `Message received by: ${m.senderAddress.split("@")[1]}`, dateTime: m.receivedDateTime },
    { event: "Submit", action: null, description: "The message was submitted.", dateTime: m.receivedDateTime },
    ...(status === "delivered"
      ? [
          {
            event: "Deliver",
            action: null,
            description: "The message was successfully delivered.",
            dateTime: m.settlesAt ?? m.receivedDateTime,
          },
        ]
      : []),
    ...(status === "failed"
      ? [
          {
            event: "Fail",
            action: null,
            description: "550 5.1.8 Access denied, bad outbound sender.",
            dateTime: m.settlesAt ?? m.receivedDateTime,
          },
        ]
      : []),
    ...(status === "pending" || status === "gettingStatus"
      ? [{ event: "Defer", action: null, description: "The message is waiting to be delivered.", dateTime: m.receivedDateTime }]
      : []),
  ];
  return ok(
    collection(
      ctx,
      events.map((e, i) => ({ id: `${m.id}-${i}`, messageId: m.messageId, data: null, ...e })),
    ),
  );
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// YYYY-MM-DDThh:mm:ssZ (fractional seconds are tolerated; see README).
const TRACE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z$/i;

/**
 * The window Graph searches (docs/design-basis.md, Graph facts: message trace): the last 48 h without a receivedDateTime filter;
 * otherwise both bounds, at most 10 days apart, the start at most 90 days back, the end not in
 * the future. Anything else answers 400.
 */
export function traceWindow(filter: string | null, now: Date): { start: Date; end: Date; explicit: boolean } {
  const node = filter ? parseFilterText(filter) : null;
  if (node) checkFilterRules(node, MESSAGE_TRACE_FILTERS);
  const bounds = node
    ? conjuncts(node).filter(
        (c): c is Extract<FilterNode, { kind: "cmp" }> => c.kind === "cmp" && c.path.toLowerCase() === "receiveddatetime",
      )
    : [];
  if (bounds.length === 0) return { start: new Date(now.getTime() - 48 * HOUR_MS), end: now, explicit: false };
  for (const b of bounds) {
    if (!TRACE_DATE.test(b.raw))
      throw badRequest(
        `The receivedDateTime value '${b.raw}' is not valid. Specify startDateTime and endDateTime in ISO 8601 format (YYYY-MM-DDThh:mm:ssZ).`,
      );
  }
  const ge = bounds.filter((b) => b.op === "ge");
  const le = bounds.filter((b) => b.op === "le");
  if (ge.length !== 1 || le.length !== 1 || bounds.length !== 2) {
    throw badRequest(
      "To retrieve message traces for a time period, filter on receivedDateTime with both bounds: receivedDateTime ge {startDateTime} and receivedDateTime le {endDateTime}.",
    );
  }
  const start = ge[0]!.value as Date;
  const end = le[0]!.value as Date;
  if (start.getTime() > end.getTime()) throw badRequest("The startDateTime must not be later than the endDateTime.");
  if (end.getTime() - start.getTime() > 10 * DAY_MS) throw badRequest("The time interval must not exceed 10 days.");
  if (start.getTime() < now.getTime() - 90 * DAY_MS)
    throw badRequest("The startDateTime must not be more than 90 days before the current date.");
  if (end.getTime() > now.getTime()) throw badRequest("The endDateTime must not be later than the current date.");
  return { start, end, explicit: true };
}

function listTraces(ctx: GraphContext, rt: SimRuntime) {
  const now = rt.clock.now();
  const window = traceWindow(ctx.query.get("$filter"), now);
  const inWindow = ctx.tenant.sent.filter((m) => {
    const at = new Date(m.receivedDateTime).getTime();
    return at >= window.start.getTime() && at <= window.end.getTime();
  });
  return ok(
    collection(
      ctx,
      inWindow.map((m) => traceView(m, now)),
      { defaultTop: 1000, maxTop: 5000, filterRules: MESSAGE_TRACE_FILTERS },
    ),
  );
}

export const messageTraceRoutes: Route[] = [
  {
    op: "listMessageTraces",
    method: "GET",
    pattern: path("/admin/exchange/tracing/messageTraces"),
    licence: "messageTrace",
    bucket: "messageTrace",
    permissions: ["ExchangeMessageTrace.Read.All"],
    handle: (ctx, _p, rt) => listTraces(ctx, rt),
  },
  {
    op: "getMessageTraceDetails",
    method: "GET",
    pattern: /^\/admin\/exchange\/tracing\/messageTraces\/([^/]+)\/(?:microsoft\.graph\.)?getDetailsByRecipient\(recipientAddress=(.+)\)$/i,
    licence: "messageTrace",
    bucket: "messageTrace",
    permissions: ["ExchangeMessageTrace.Read.All"],
    handle: details,
  },
];
