import { randomUUID } from "node:crypto";
import type { AppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { toAppError } from "./errors";
import { GRAPH_OPERATIONS, type GraphOperation, type GraphOperationInfo } from "./operations";
import { callGraph, parseRetryAfter } from "./request";
import { backoffSeconds, sleep } from "./retry";

// JSON batching (learn.microsoft.com/graph/json-batching): up to 20 calls in one round trip.
// - Every POST/PATCH/PUT item carries `headers` with Content-Type AND a `body` (`{}` when there is
//   nothing to send): Graph refuses the WHOLE batch otherwise ("Write request id : … does not
//   contain Content-Type header or body.").
// - Items carry no request-id of their own in Graph's documented answer, so each outcome keeps the
//   batch's request-id and a client-request-id we set per item: every step stays traceable.
// - Graph throttles each item on its own and answers a 429 inside the 200 envelope, which no HTTP
//   retry sees — so the items that got 429 (and only those) are re-sent after their Retry-After (or
//   a bounded backoff). The envelope's own failure (token, outage) is thrown under "batch", not
//   under one item's operation, so its message never names a permission that item happens to need.

export type BatchStep = { id: string; op: GraphOperation; method: "GET" | "POST" | "PATCH" | "DELETE"; path: string; body?: unknown };
/**
 * status 0 = Graph's answer left this item out: nobody knows whether it ran (error.details.timedOut).
 * requestId: the item's own request-id when Graph sent one, else the batch's.
 */
export type BatchOutcome = {
  status: number;
  body: unknown;
  requestId: string | null;
  batchRequestId: string | null;
  clientRequestId: string;
  error: AppError | null;
};
export type BatchOptions = { version?: "v1.0" | "beta"; maxRetries?: number; backoffSeconds?: number };

type ItemResponse = { id: string; status: number; headers?: Record<string, string>; body?: unknown };

const header = (h: Record<string, string> | undefined, name: string) =>
  Object.entries(h ?? {}).find(([k]) => k.toLowerCase() === name)?.[1] ?? null;

const WRITES = new Set(["POST", "PATCH", "PUT"]);

/** One item of the $batch body, exactly as Graph's JSON batching requires it. */
export function batchItem(step: BatchStep, clientRequestId: string) {
  const write = WRITES.has(step.method);
  return {
    id: step.id,
    method: step.method,
    url: step.path,
    headers: { "client-request-id": clientRequestId, ...(write ? { "Content-Type": "application/json" } : {}) },
    ...(write ? { body: step.body ?? {} } : {}),
  };
}

export async function executeBatch(g: TenantGraph, steps: BatchStep[], options: BatchOptions = {}): Promise<Map<string, BatchOutcome>> {
  if (steps.length > 20) throw new Error("A Graph batch holds at most 20 requests");
  const outcomes = new Map<string, BatchOutcome>();
  const maxRetries = options.maxRetries ?? 5;
  const clientIds = new Map(steps.map((s) => [s.id, randomUUID()]));
  const idempotent = steps.every((s) => s.method === "GET" || (GRAPH_OPERATIONS[s.op] as GraphOperationInfo).idempotent !== false);
  let pending = steps;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const { body, requestId: batchRequestId } = await callGraph<{ responses?: ItemResponse[] }>(g, {
      op: "batch",
      method: "POST",
      version: options.version,
      path: "/$batch",
      idempotent,
      body: { requests: pending.map((s) => batchItem(s, clientIds.get(s.id)!)) },
    });
    const answered = new Map((body?.responses ?? []).map((r) => [r.id, r]));
    const throttled: BatchStep[] = [];
    let wait = 0;
    for (const step of pending) {
      const clientRequestId = clientIds.get(step.id)!;
      const r = answered.get(step.id);
      if (!r) {
        const error = toAppError(step.op, {
          status: 0,
          code: "MissingFromBatch",
          requestId: batchRequestId,
          clientRequestId,
          retryAfterSeconds: null,
        });
        outcomes.set(step.id, { status: 0, body: null, requestId: batchRequestId, batchRequestId, clientRequestId, error });
        continue;
      }
      const retryAfter = parseRetryAfter(header(r.headers, "retry-after"));
      if (r.status === 429 && attempt < maxRetries) {
        throttled.push(step);
        wait = Math.max(wait, retryAfter ?? backoffSeconds(options.backoffSeconds ?? 2, attempt));
        continue;
      }
      const requestId = header(r.headers, "request-id") ?? batchRequestId;
      const code = (r.body as { error?: { code?: string } } | undefined)?.error?.code ?? `HTTP${r.status}`;
      const error =
        r.status >= 400 ? toAppError(step.op, { status: r.status, code, requestId, clientRequestId, retryAfterSeconds: retryAfter }) : null;
      outcomes.set(step.id, { status: r.status, body: r.body ?? null, requestId, batchRequestId, clientRequestId, error });
    }
    if (throttled.length > 0) await sleep(wait * 1000);
    pending = throttled;
  }
  return outcomes;
}
