import { randomUUID } from "node:crypto";
import { ResponseType } from "@microsoft/microsoft-graph-client";
import type { TenantGraph } from "./client";
import { credentialError, signInUnavailable, toAppError } from "./errors";
import { GRAPH_OPERATIONS, type GraphOperation, type GraphOperationInfo } from "./operations";
import { retryDecision, sleep } from "./retry";

// Every call goes through here: raw responses (so success carries its request id too), our own
// client-request-id on every call (Graph echoes it, so even an answer that never arrives has an id
// we can give Microsoft support), retries of 429/503/504 with a timeout per ATTEMPT — a
// Retry-After wait is not "no answer" (learn.microsoft.com/graph/throttling) — and failures
// mapped to AppErrors.

export type GraphCall = {
  op: GraphOperation;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  version?: "v1.0" | "beta";
  body?: unknown;
};
export type GraphResult<T> = { status: number; body: T; requestId: string | null; clientRequestId: string };

/** The $batch envelope is called under "batch": its failure belongs to no one operation. `idempotent`: may a 5xx envelope be re-sent? */
type BatchEnvelopeCall = Omit<GraphCall, "op"> & { op: "batch"; idempotent: boolean };

type Attempt = { response: Response } | { error: unknown };

async function attempt(g: TenantGraph, call: GraphCall | BatchEnvelopeCall, clientRequestId: string): Promise<Attempt> {
  try {
    const request = g.client
      .api(call.path)
      .version(call.version ?? "v1.0")
      .header("client-request-id", clientRequestId)
      .responseType(ResponseType.RAW)
      .option("signal", AbortSignal.timeout(g.timeoutMs));
    const method = call.method.toLowerCase() as "get" | "post" | "patch" | "delete";
    // A write always carries a body: Graph refuses body-less writes inside $batch, and `{}` is what it documents for "nothing to send".
    return {
      response: (await (method === "get" || method === "delete" ? request[method]() : request[method](call.body ?? {}))) as Response,
    };
  } catch (error) {
    return { error };
  }
}

/** Only sendMail is not safe to repeat after an answer that may hide a success (GRAPH_OPERATIONS.*.idempotent). */
function isIdempotent(call: GraphCall | BatchEnvelopeCall): boolean {
  if (call.op === "batch") return call.idempotent;
  return call.method === "GET" || (GRAPH_OPERATIONS[call.op] as GraphOperationInfo).idempotent !== false;
}

export async function callGraph<T = unknown>(g: TenantGraph, call: GraphCall | BatchEnvelopeCall): Promise<GraphResult<T>> {
  const clientRequestId = randomUUID();
  let waitedSeconds = 0;
  for (let tries = 0; ; tries++) {
    const result = await attempt(g, call, clientRequestId);
    if ("error" in result) {
      // The SDK wraps fetch's abort in a GraphError; recognise it by name, code or message.
      const e = result.error as { name?: string; code?: string; message?: string };
      // Microsoft's sign-in down or hanging: nothing was sent, retry later.
      const down = signInUnavailable(result.error);
      if (down) throw down;
      // A token that could not be had otherwise is a credentials problem, not an outage.
      const refused = credentialError(result.error);
      if (refused) throw refused;
      const timedOut = [e.name, e.code].some((n) => n === "TimeoutError" || n === "AbortError") || /aborted|timeout/i.test(e.message ?? "");
      throw toAppError(call.op, {
        status: timedOut ? 0 : 503,
        code: timedOut ? "Timeout" : "NetworkError",
        requestId: null,
        clientRequestId,
        retryAfterSeconds: null,
      });
    }
    const { response } = result;
    const requestId = response.headers.get("request-id");
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
    const next = retryDecision({
      status: response.status,
      retryAfterSeconds: retryAfter,
      tries,
      waitedSeconds,
      idempotent: isIdempotent(call),
      policy: g.retry,
    });
    if (next.retry) {
      await response.body?.cancel().catch(() => undefined);
      await sleep(next.waitSeconds * 1000);
      waitedSeconds += next.waitSeconds;
      continue;
    }
    const failure = (status: number, code: string) =>
      toAppError(call.op, { status, code, requestId, clientRequestId, retryAfterSeconds: null });
    // A body cut off by the timeout, or one that is not JSON (a proxy's error page), is Graph's failure, never a crash.
    const text = await response.text().catch(() => {
      throw failure(0, "Timeout");
    });
    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      if (response.ok) throw failure(502, "UnreadableResponse");
    }
    if (!response.ok) {
      const code = (body as { error?: { code?: string } } | undefined)?.error?.code ?? `HTTP${response.status}`;
      throw toAppError(call.op, {
        status: response.status,
        code,
        requestId,
        clientRequestId,
        retryAfterSeconds: retryAfter ?? next.suggestedWaitSeconds,
      });
    }
    return { status: response.status, body: body as T, requestId, clientRequestId };
  }
}

/** Retry-After in seconds, given as seconds or as an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds : null;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(1, Math.ceil((at - now) / 1000)) : null;
}

export type Listing<T> = { items: T[]; requestIds: string[]; /** Stopped at maxItems while Graph had more pages. */ truncated: boolean };

/** Follows @odata.nextLink to the end (or maxItems), collecting `value`; says when it stopped short. */
export async function listAll<T>(g: TenantGraph, call: Omit<GraphCall, "method" | "body">, maxItems = 10_000): Promise<Listing<T>> {
  const items: T[] = [];
  const requestIds: string[] = [];
  let path: string | undefined = call.path;
  while (path && items.length < maxItems) {
    const page: GraphResult<{ value: T[]; "@odata.nextLink"?: string }> = await callGraph(g, { ...call, method: "GET", path });
    if (page.requestId) requestIds.push(page.requestId);
    items.push(...page.body.value);
    path = page.body["@odata.nextLink"];
  }
  const truncated = Boolean(path) || items.length > maxItems;
  return { items: items.slice(0, maxItems), requestIds, truncated };
}

export const odataQuote = (value: string) => `'${value.replaceAll("'", "''")}'`;
