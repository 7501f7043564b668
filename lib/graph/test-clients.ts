import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { createTenantGraph, type GraphConnection, type TenantGraph } from "./client";

// Tests only: wire faults the tenant simulator cannot play, on the real SDK against the real
// simulator. A forged bearer token (Graph answers 401 to every call, the $batch envelope too),
// a $batch answer that leaves items out (Graph ran them; the caller never hears), and one that is
// not JSON at all (a proxy's error page).

/** Rewrites $batch answers: drops the given items, or (ids null) replaces the body with a proxy's HTML page. */
class BendBatchAnswer implements Middleware {
  private next?: Middleware;
  constructor(private readonly ids: string[] | null) {}

  async execute(context: Context): Promise<void> {
    await this.next!.execute(context);
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (!new URL(url).pathname.endsWith("/$batch") || !context.response?.ok) return;
    const body = (await context.response.json()) as { responses: { id: string }[] };
    body.responses = body.responses.filter((r) => !this.ids?.includes(r.id));
    const text = this.ids ? JSON.stringify(body) : "<html><body>Bad gateway</body></html>";
    context.response = new Response(text, { status: context.response.status, headers: context.response.headers });
  }

  setNext(next: Middleware) {
    this.next = next;
  }
}

export function createFaultyTenantGraph(
  c: GraphConnection,
  faults: { forgedToken?: boolean; dropFromBatch?: string[]; garbleBatch?: boolean },
): TenantGraph {
  return createTenantGraph(c, {
    authProvider: faults.forgedToken ? { getAccessToken: async () => "eyJhbGciOiJIUzI1NiJ9.eyJmb3JnZWQiOnRydWV9.Zm9yZ2Vk" } : undefined,
    beforeSend: faults.dropFromBatch ? [new BendBatchAnswer(faults.dropFromBatch)] : faults.garbleBatch ? [new BendBatchAnswer(null)] : [],
  });
}
