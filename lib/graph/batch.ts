import type { AppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { toAppError } from "./errors";
import type { GraphOperation } from "./operations";
import { callGraph } from "./request";

// JSON batching: up to 20 calls in one round trip. Graph throttles each item on its own and
// answers a 429 inside the 200 envelope, which the SDK's retry handler never sees — so the items
// that got 429 (and only those) are re-sent after their Retry-After (or a bounded backoff).
// The envelope's own failure (token, outage) is thrown under "batch", not under one item's
// operation, so its message never names a permission that item happens to need.

export type BatchStep = { id: string; op: GraphOperation; method: "GET" | "POST" | "PATCH" | "DELETE"; path: string; body?: unknown };
/** status 0 = Graph's answer left this item out: nobody knows whether it ran (error.details.timedOut). */
export type BatchOutcome = { status: number; body: unknown; requestId: string | null; error: AppError | null };
export type BatchOptions = { version?: "v1.0" | "beta"; maxRetries?: number; backoffSeconds?: number };

type ItemResponse = { id: string; status: number; headers?: Record<string, string>; body?: unknown };

const header = (h: Record<string, string> | undefined, name: string) =>
  Object.entries(h ?? {}).find(([k]) => k.toLowerCase() === name)?.[1] ?? null;

const itemRequest = (s: BatchStep) => ({ id: s.id, method: s.method, url: s.path, ...(s.body === undefined ? {} : { body: s.body, headers: { "Content-Type": "application/json" } }) });

export async function executeBatch(g: TenantGraph, steps: BatchStep[], options: BatchOptions = {}): Promise<Map<string, BatchOutcome>> {
  if (steps.length > 20) throw new Error("A Graph batch holds at most 20 requests");
  const outcomes = new Map<string, BatchOutcome>();
  const maxRetries = options.maxRetries ?? 5;
  let pending = steps;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const { body } = await callGraph<{ responses?: ItemResponse[] }>(g, { op: "batch", method: "POST", version: options.version, path: "/$batch", body: { requests: pending.map(itemRequest) } });
    const answered = new Map((body?.responses ?? []).map((r) => [r.id, r]));
    const throttled: BatchStep[] = [];
    let wait = 0;
    for (const step of pending) {
      const r = answered.get(step.id);
      if (!r) {
        outcomes.set(step.id, { status: 0, body: null, requestId: null, error: toAppError(step.op, { status: 0, code: "MissingFromBatch", requestId: null, retryAfterSeconds: null }) });
        continue;
      }
      const retryAfter = Number(header(r.headers, "retry-after"));
      const hasRetryAfter = Number.isFinite(retryAfter) && retryAfter > 0;
      if (r.status === 429 && attempt < maxRetries) {
        throttled.push(step);
        wait = Math.max(wait, hasRetryAfter ? retryAfter : (options.backoffSeconds ?? 2) * 2 ** attempt);
        continue;
      }
      const requestId = header(r.headers, "request-id");
      const code = (r.body as { error?: { code?: string } } | undefined)?.error?.code ?? `HTTP${r.status}`;
      const error = r.status >= 400 ? toAppError(step.op, { status: r.status, code, requestId, retryAfterSeconds: hasRetryAfter ? retryAfter : null }) : null;
      outcomes.set(step.id, { status: r.status, body: r.body ?? null, requestId, error });
    }
    if (throttled.length > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    pending = throttled;
  }
  return outcomes;
}
