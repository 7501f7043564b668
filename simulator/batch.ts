import { dispatch, type DispatchDeps } from "./dispatch";
import { errorBody, GraphHttpError, newRequestId, type GraphRequest, type SimResponse } from "./http";

// JSON batching: at most 20 requests, unique ids, dependsOn ordering, 424 for a failed
// dependency, and each item answering for itself (a 429 sits inside the 200 envelope).

type BatchItem = { id?: unknown; method?: unknown; url?: unknown; headers?: Record<string, string>; body?: unknown; dependsOn?: unknown };

function relativeUrl(url: string): string {
  const withoutHost = url.replace(/^https?:\/\/[^/]+/i, "");
  return withoutHost.replace(new RegExp(`^/(v1\\.0|beta)(?=/)`), "") || "/";
}

export async function runBatch(deps: DispatchDeps, outer: GraphRequest): Promise<SimResponse> {
  const items = (outer.body as { requests?: BatchItem[] } | null)?.requests;
  if (!Array.isArray(items) || items.length === 0) throw new GraphHttpError(400, "BadRequest", "Invalid batch payload: 'requests' is required.");
  if (items.length > 20) throw new GraphHttpError(400, "BadRequest", "The number of batch requests exceeds the limit of 20.");
  const ids = items.map((i) => String(i.id ?? ""));
  if (ids.some((id) => !id) || new Set(ids).size !== ids.length) throw new GraphHttpError(400, "BadRequest", "Batch request ids must be present and unique.");
  for (const item of items) {
    if (item.body !== undefined && !Object.keys(item.headers ?? {}).some((h) => h.toLowerCase() === "content-type")) {
      throw new GraphHttpError(400, "BadRequest", `Batch request '${String(item.id)}' has a body but no Content-Type header.`);
    }
  }

  const results = new Map<string, Promise<{ id: string; status: number; headers: Record<string, string>; body?: unknown }>>();
  const run = (item: BatchItem) => {
    const id = String(item.id);
    let pending = results.get(id);
    if (pending) return pending;
    pending = (async () => {
      const deps_ = Array.isArray(item.dependsOn) ? item.dependsOn.map(String) : [];
      for (const dep of deps_) {
        const target = items.find((i) => String(i.id) === dep);
        const done = target ? await run(target) : { status: 400 };
        if (done.status >= 400) {
          const requestId = newRequestId();
          return { id, status: 424, headers: { "Content-Type": "application/json" }, body: errorBody("FailedDependency", `Dependency '${dep}' failed.`, requestId) };
        }
      }
      const raw = relativeUrl(String(item.url ?? ""));
      const [pathPart, queryPart] = raw.split("?");
      const req: GraphRequest = {
        method: String(item.method ?? "GET").toUpperCase(),
        version: outer.version,
        path: pathPart!,
        query: new URLSearchParams(queryPart ?? ""),
        body: item.body,
        headers: { ...outer.headers, ...Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])) },
        requestId: newRequestId(),
        origin: outer.origin,
      };
      const res = await dispatch(deps, req);
      return { id, status: res.status, headers: { "Content-Type": "application/json", "request-id": req.requestId, ...(res.headers ?? {}) }, body: res.body };
    })();
    results.set(id, pending);
    return pending;
  };
  const responses = await Promise.all(items.map(run));
  return { status: 200, body: { responses: responses.map((r) => (r.body === undefined ? { id: r.id, status: r.status, headers: r.headers } : r)) } };
}
