import type { AppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { toAppError } from "./errors";
import type { GraphOperation } from "./operations";
import { callGraph } from "./request";

// JSON batching: up to 20 calls in one round trip. Graph throttles each item on its own and
// answers a 429 inside the 200 envelope, which the SDK's retry handler never sees — so the items
// that got 429 (and only those) are re-sent after their Retry-After.

export type BatchStep = { id: string; op: GraphOperation; method: "GET" | "POST" | "PATCH" | "DELETE"; path: string; body?: unknown };
export type BatchOutcome = { status: number; body: unknown; requestId: string | null; error: AppError | null };

type ItemResponse = { id: string; status: number; headers?: Record<string, string>; body?: unknown };

const header = (h: Record<string, string> | undefined, name: string) =>
  Object.entries(h ?? {}).find(([k]) => k.toLowerCase() === name)?.[1] ?? null;

export async function executeBatch(g: TenantGraph, steps: BatchStep[], options: { version?: "v1.0" | "beta"; maxRetries?: number; backoffSeconds?: number } = {}): Promise<Map<string, BatchOutcome>> {
  if (steps.length > 20) throw new Error("A Graph batch holds at most 20 requests");
  const outcomes = new Map<string, BatchOutcome>();
  let pending = steps;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const { body } = await callGraph<{ responses: ItemResponse[] }>(g, {
      op: steps[0]!.op,
      method: "POST",
      version: options.version,
      path: "/$batch",
      body: { requests: pending.map((s) => ({ id: s.id, method: s.method, url: s.path, ...(s.body === undefined ? {} : { body: s.body, headers: { "Content-Type": "application/json" } }) })) },
    });
    const throttled: BatchStep[] = [];
    let wait = 0;
    for (const r of body.responses) {
      const step = pending.find((s) => s.id === r.id)!;
      const retryAfter = Number(header(r.headers, "retry-after"));
      if (r.status === 429 && attempt < (options.maxRetries ?? 5)) {
        throttled.push(step);
        wait = Math.max(wait, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : (options.backoffSeconds ?? 2) * 2 ** attempt);
        continue;
      }
      const requestId = header(r.headers, "request-id");
      const code = (r.body as { error?: { code?: string } } | undefined)?.error?.code ?? `HTTP${r.status}`;
      const error = r.status >= 400 ? toAppError(step.op, { status: r.status, code, requestId, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null }) : null;
      outcomes.set(r.id, { status: r.status, body: r.body ?? null, requestId, error });
    }
    if (throttled.length > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    pending = throttled;
  }
  return outcomes;
}
