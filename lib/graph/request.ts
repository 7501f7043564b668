import { ResponseType } from "@microsoft/microsoft-graph-client";
import type { TenantGraph } from "./client";
import { credentialError, toAppError } from "./errors";
import type { GraphOperation } from "./operations";

// Every call goes through here: raw responses (so success carries its request id too), a
// timeout per call, and failures mapped to AppErrors.

export type GraphCall = { op: GraphOperation; method: "GET" | "POST" | "PATCH" | "DELETE"; path: string; version?: "v1.0" | "beta"; body?: unknown };
export type GraphResult<T> = { status: number; body: T; requestId: string | null };

/** The $batch envelope is called under "batch": its failure belongs to no one operation. */
type BatchEnvelopeCall = Omit<GraphCall, "op"> & { op: "batch" };

export async function callGraph<T = unknown>(g: TenantGraph, call: GraphCall | BatchEnvelopeCall): Promise<GraphResult<T>> {
  let response: Response;
  try {
    const request = g.client
      .api(call.path)
      .version(call.version ?? "v1.0")
      .responseType(ResponseType.RAW)
      .option("signal", AbortSignal.timeout(g.timeoutMs));
    const method = call.method.toLowerCase() as "get" | "post" | "patch" | "delete";
    response = (await (method === "get" || method === "delete" ? request[method]() : request[method](call.body ?? {}))) as Response;
  } catch (error) {
    // The SDK wraps fetch's abort in a GraphError; recognise it by name, code or message.
    const e = error as { name?: string; code?: string; message?: string };
    // A token that could not be had is a credentials problem, not an outage.
    const refused = credentialError(error);
    if (refused) throw refused;
    if ([e.name, e.code].some((n) => n === "TimeoutError" || n === "AbortError") || /aborted|timeout/i.test(e.message ?? "")) throw toAppError(call.op, { status: 0, code: "Timeout", requestId: null, retryAfterSeconds: null });
    throw toAppError(call.op, { status: 503, code: "NetworkError", requestId: null, retryAfterSeconds: null });
  }
  const requestId = response.headers.get("request-id");
  const failure = (status: number, code: string) => toAppError(call.op, { status, code, requestId, retryAfterSeconds: null });
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
    const retryAfter = Number(response.headers.get("retry-after"));
    throw toAppError(call.op, { status: response.status, code, requestId, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null });
  }
  return { status: response.status, body: body as T, requestId };
}

/** Follows @odata.nextLink to the end (or maxItems), collecting `value`. */
export async function listAll<T>(g: TenantGraph, call: Omit<GraphCall, "method" | "body">, maxItems = 10_000): Promise<{ items: T[]; requestIds: string[] }> {
  const items: T[] = [];
  const requestIds: string[] = [];
  let path: string | undefined = call.path;
  while (path && items.length < maxItems) {
    const page: GraphResult<{ value: T[]; "@odata.nextLink"?: string }> = await callGraph(g, { ...call, method: "GET", path });
    if (page.requestId) requestIds.push(page.requestId);
    items.push(...page.body.value);
    path = page.body["@odata.nextLink"];
  }
  return { items, requestIds };
}

export const odataQuote = (value: string) => `'${value.replaceAll("'", "''")}'`;
