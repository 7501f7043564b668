import { AppError } from "@/lib/errors";
import { GRAPH_OPERATIONS, type GraphOperation } from "./operations";

// Graph failures become AppErrors whose message tells an engineer what to fix: the permission,
// role or licence that is missing, when to retry, or that Graph is unreachable. The raw Graph
// message never reaches the user; its code and request id travel in details for the record.

export type GraphFailure = { status: number; code: string; requestId: string | null; retryAfterSeconds: number | null };

export function toAppError(op: GraphOperation, f: GraphFailure): AppError {
  const info = GRAPH_OPERATIONS[op];
  const details = { graphCode: f.code, graphStatus: f.status, requestId: f.requestId, retryAfterSeconds: f.retryAfterSeconds };
  const ref = f.requestId ? ` (Graph request ${f.requestId})` : "";
  if (f.status === 403 && f.code === "Authentication_RequestFromNonPremiumTenantOrB2CTenant") {
    return new AppError("UPSTREAM_ERROR", `Microsoft Graph refused to ${info.title}: the tenant needs an ${"licence" in info ? info.licence : "premium"} licence${ref}.`, details);
  }
  if (f.status === 403) {
    const role = "directoryRole" in info ? ` and the "${info.directoryRole}" directory role on its service principal` : "";
    return new AppError("UPSTREAM_ERROR", `Microsoft Graph refused to ${info.title}: the app registration needs the application permission ${info.permission} (with admin consent)${role}${ref}.`, details);
  }
  if (f.status === 401 && op === "listMessageTraces") {
    return new AppError("UPSTREAM_ERROR", `Message trace is not enabled for this tenant: create the service principal for the message trace API (app 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373) and grant ${info.permission}${ref}.`, details);
  }
  if (f.status === 401) {
    return new AppError("UPSTREAM_ERROR", `Microsoft Graph did not accept the tenant connection's credentials: check the app's client id and secret${ref}.`, details);
  }
  if (f.status === 404) return new AppError("NOT_FOUND", `Microsoft Graph could not find what was asked to ${info.title}${ref}.`, details);
  if (f.status === 429) {
    const wait = f.retryAfterSeconds ? `in ${f.retryAfterSeconds} s` : "in a minute";
    return new AppError("RATE_LIMITED", `Microsoft Graph is throttling this tenant; try to ${info.title} again ${wait}${ref}.`, details);
  }
  if (f.status === 0) return new AppError("UPSTREAM_UNAVAILABLE", `Microsoft Graph did not answer in time while trying to ${info.title}.`, { ...details, timedOut: true });
  if (f.status >= 500) return new AppError("UPSTREAM_UNAVAILABLE", `Microsoft Graph is unavailable right now; could not ${info.title}${ref}.`, details);
  return new AppError("UPSTREAM_ERROR", `Microsoft Graph rejected the request to ${info.title} (${f.code})${ref}.`, details);
}

export function isTimeout(error: unknown): boolean {
  return error instanceof AppError && error.details?.timedOut === true;
}
