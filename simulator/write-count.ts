import type { GraphRequest } from "./http";
import type { SimRuntime } from "./route";

// Counts the writes the tenant applied, per tenant, method, path and the fields written (two
// PATCHes of one user — a password reset and a block — are two different writes). A throttled
// or refused request is not counted: Graph did not apply it. Tests read the counts through
// GET /_control/tenants/:id/writes to prove exactly one write per account and step.

export function writeKey(req: Pick<GraphRequest, "method" | "version" | "path" | "body">): string {
  const fields =
    req.body && typeof req.body === "object"
      ? Object.keys(req.body as object)
          .sort()
          .join(",")
      : "";
  return `${req.method} /${req.version}${decodeURIComponent(req.path).toLowerCase()} ${fields}`.trim();
}

export function countWrite(rt: SimRuntime, tenantId: string, req: GraphRequest) {
  rt.writes ??= new Map();
  const key = `${tenantId} ${writeKey(req)}`;
  rt.writes.set(key, (rt.writes.get(key) ?? 0) + 1);
}

/** The tenant's writes: key (method, path, fields) → how many times it was applied. */
export function writesOf(rt: SimRuntime, tenantId: string): Record<string, number> {
  const prefix = `${tenantId} `;
  return Object.fromEntries([...(rt.writes ?? [])].filter(([k]) => k.startsWith(prefix)).map(([k, n]) => [k.slice(prefix.length), n]));
}
