import { validateBatchRequest } from "./contract/validate";
import { authenticate, dispatch, type DispatchDeps } from "./dispatch";
import { errorBody, GraphHttpError, newRequestId, type GraphRequest, type SimResponse } from "./http";

// JSON batching (learn.microsoft.com/graph/json-batching): the batch itself is authenticated (a
// missing or bad token answers 401 for the whole batch, as Graph does); at most 20 requests,
// unique ids, dependsOn naming an earlier request of the same batch (anything else is a 400 for
// the batch), 424 for a failed dependency, and each item answering for itself (a 429 sits inside
// the 200 envelope). A POST/PATCH/PUT item without BOTH a Content-Type header and a body fails the
// whole batch with 400 — the page's "body … must be specified, even if it's empty" rule, reported
// from real tenants as "Write request id : … does not contain Content-Type header or body."
// (msgraph-sdk-dotnet #1038, #2628). Item answers carry no request-id header: the page's example
// shows none, so the only id Graph gives is the batch's own.

type BatchItem = { id?: unknown; method?: unknown; url?: unknown; headers?: Record<string, string>; body?: unknown; dependsOn?: unknown };
type ItemResult = { id: string; status: number; headers: Record<string, string>; body?: unknown };

const WRITES = new Set(["POST", "PATCH", "PUT"]);

function relativeUrl(url: string): string {
  const withoutHost = url.replace(/^https?:\/\/[^/]+/i, "");
  return withoutHost.replace(new RegExp(`^/(v1\\.0|beta)(?=/)`), "") || "/";
}

function validateItems(items: BatchItem[]) {
  if (items.length > 20) throw new GraphHttpError(400, "BadRequest", "The number of batch requests exceeds the limit of 20.");
  const ids = items.map((i) => String(i.id ?? ""));
  if (ids.some((id) => !id) || new Set(ids).size !== ids.length)
    throw new GraphHttpError(400, "BadRequest", "Batch request ids must be present and unique.");
  items.forEach((item, index) => {
    const hasContentType = Object.keys(item.headers ?? {}).some((h) => h.toLowerCase() === "content-type");
    const write = WRITES.has(String(item.method ?? "").toUpperCase());
    if ((write && (item.body === undefined || !hasContentType)) || (item.body !== undefined && !hasContentType)) {
      throw new GraphHttpError(400, "BadRequest", `Write request id : ${String(item.id)} does not contain Content-Type header or body.`);
    }
    if (item.dependsOn === undefined) return;
    if (!Array.isArray(item.dependsOn) || item.dependsOn.some((d) => typeof d !== "string")) {
      throw new GraphHttpError(
        400,
        "BadRequest",
        `Invalid dependency for request Id '${ids[index]}': dependsOn must be an array of request ids.`,
      );
    }
    for (const dep of item.dependsOn as string[]) {
      const at = ids.indexOf(dep);
      if (at < 0)
        throw new GraphHttpError(
          400,
          "BadRequest",
          `Invalid dependency for request Id '${ids[index]}': request '${dep}' is not part of the batch.`,
        );
      if (at >= index)
        throw new GraphHttpError(
          400,
          "BadRequest",
          `Invalid dependency for request Id '${ids[index]}': request '${dep}' must come earlier in the batch.`,
        );
    }
  });
}

function itemRequest(outer: GraphRequest, item: BatchItem): GraphRequest {
  const [pathPart, queryPart] = relativeUrl(String(item.url ?? "")).split("?");
  const own = Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method: String(item.method ?? "GET").toUpperCase(),
    version: outer.version,
    path: pathPart!,
    query: new URLSearchParams(queryPart ?? ""),
    body: item.body,
    // The batch's own token speaks for every item.
    headers: { ...outer.headers, ...own, authorization: outer.headers.authorization },
    requestId: newRequestId(),
    origin: outer.origin,
  };
}

export async function runBatch(deps: DispatchDeps, outer: GraphRequest): Promise<SimResponse> {
  authenticate(deps, outer);
  if (deps.validateRequests) {
    const { errors } = validateBatchRequest(outer.body);
    if (errors.length > 0) {
      deps.validateRequests.violations.push(`POST /$batch: ${errors.join("; ")}`);
      throw new GraphHttpError(400, "BadRequest", `The batch request does not match Graph's JSON batching format: ${errors.join("; ")}`);
    }
  }
  const items = (outer.body as { requests?: BatchItem[] } | null)?.requests;
  if (!Array.isArray(items) || items.length === 0)
    throw new GraphHttpError(400, "BadRequest", "Invalid batch payload: 'requests' is required.");
  validateItems(items);

  const results = new Map<string, Promise<ItemResult>>();
  const run = (item: BatchItem): Promise<ItemResult> => {
    const id = String(item.id);
    let pending = results.get(id);
    if (pending) return pending;
    pending = (async () => {
      const req = itemRequest(outer, item);
      const check = (res: SimResponse) => deps.checkResponse?.(req, res) ?? res;
      for (const dep of (item.dependsOn as string[] | undefined) ?? []) {
        const done = await run(items.find((i) => String(i.id) === dep)!);
        if (done.status >= 400) {
          const failed = check({ status: 424, body: errorBody("FailedDependency", `Dependency '${dep}' failed.`, req.requestId) });
          return { id, status: failed.status, headers: { "Content-Type": "application/json" }, body: failed.body };
        }
      }
      const res = check(await dispatch(deps, req));
      return { id, status: res.status, headers: { "Content-Type": "application/json", ...(res.headers ?? {}) }, body: res.body };
    })();
    results.set(id, pending);
    return pending;
  };
  const responses = await Promise.all(items.map(run));
  return {
    status: 200,
    body: { responses: responses.map((r) => (r.body === undefined ? { id: r.id, status: r.status, headers: r.headers } : r)) },
  };
}
