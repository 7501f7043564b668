import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { createTenantGraph, type GraphConnection, type TenantGraph } from "./client";

// Tests only: wire faults the tenant simulator cannot play, on the real SDK against the real
// simulator. A forged bearer token (Graph answers 401 to every call, the $batch envelope too),
// and a $batch answer that leaves items out (Graph ran them; the caller never hears).

class DropFromBatch implements Middleware {
  private next?: Middleware;
  constructor(private readonly ids: string[]) {}

  async execute(context: Context): Promise<void> {
    await this.next!.execute(context);
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (!new URL(url).pathname.endsWith("/$batch") || !context.response?.ok) return;
    const body = (await context.response.json()) as { responses: { id: string }[] };
    body.responses = body.responses.filter((r) => !this.ids.includes(r.id));
    context.response = new Response(JSON.stringify(body), { status: context.response.status, headers: context.response.headers });
  }

  setNext(next: Middleware) {
    this.next = next;
  }
}

export function createFaultyTenantGraph(c: GraphConnection, faults: { forgedToken?: boolean; dropFromBatch?: string[] }): TenantGraph {
  return createTenantGraph(c, {
    authProvider: faults.forgedToken ? { getAccessToken: async () => "eyJhbGciOiJIUzI1NiJ9.eyJmb3JnZWQiOnRydWV9.Zm9yZ2Vk" } : undefined,
    beforeSend: faults.dropFromBatch ? [new DropFromBatch(faults.dropFromBatch)] : [],
  });
}
