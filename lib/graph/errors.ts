import { AppError } from "@/lib/errors";
import {
  GRAPH_OPERATIONS,
  MESSAGE_TRACE_APP_ID,
  permissionsOf,
  permissionWords,
  type GraphOperation,
  type GraphOperationInfo,
} from "./operations";

// Graph failures become AppErrors whose message tells an engineer what to fix: the permission,
// role or licence that is missing, when to retry, or that Graph is unreachable. The raw Graph
// message never reaches the user; its code and request id travel in details for the record.

/** clientRequestId: the id we sent (Graph echoes it); traceable even when no answer came. */
export type GraphFailure = {
  status: number;
  code: string;
  requestId: string | null;
  clientRequestId?: string | null;
  retryAfterSeconds: number | null;
};

/** "10:31 UTC" — when a throttle ends, to the minute (rounded up). */
export function throttledUntil(retryAfterSeconds: number, now = Date.now()): string {
  const at = new Date(Math.ceil((now + retryAfterSeconds * 1000) / 60_000) * 60_000);
  return `${at.toISOString().slice(11, 16)} UTC`;
}

/** The $batch envelope itself (not one of its requests): it needs no permission of its own. */
const BATCH: Pick<GraphOperationInfo, "title"> = { title: "run the batched requests" };

export function toAppError(op: GraphOperation | "batch", f: GraphFailure): AppError {
  const info: Partial<GraphOperationInfo> & { title: string } = op === "batch" ? BATCH : GRAPH_OPERATIONS[op];
  const retryAt = f.retryAfterSeconds ? new Date(Date.now() + f.retryAfterSeconds * 1000).toISOString() : null;
  const details = {
    graphCode: f.code,
    graphStatus: f.status,
    requestId: f.requestId,
    clientRequestId: f.clientRequestId ?? null,
    retryAfterSeconds: f.retryAfterSeconds,
    retryAt,
  };
  const ref = f.requestId ? ` (Graph request ${f.requestId})` : "";
  if (f.status === 403 && f.code === "Authentication_RequestFromNonPremiumTenantOrB2CTenant") {
    return new AppError(
      "UPSTREAM_ERROR",
      `Microsoft Graph refused to ${info.title}: the tenant needs an ${info.licence ?? "premium"} licence${ref}.`,
      details,
    );
  }
  if (f.status === 403 && info.permission) {
    const role = info.directoryRole ? ` and the "${info.directoryRole}" directory role on its service principal` : "";
    const plural = permissionsOf({ permission: info.permission, alsoNeeds: info.alsoNeeds }).length > 1 ? "s" : "";
    return new AppError(
      "UPSTREAM_ERROR",
      `Microsoft Graph refused to ${info.title}: the app registration needs the application permission${plural} ${permissionWords({ permission: info.permission, alsoNeeds: info.alsoNeeds })} (with admin consent)${role}${ref}.`,
      details,
    );
  }
  if (f.status === 401 && op === "listMessageTraces") {
    return new AppError(
      "UPSTREAM_ERROR",
      `Message trace is not enabled for this tenant: create the service principal for the message trace API (app ${MESSAGE_TRACE_APP_ID}) and grant ${info.permission}${ref}.`,
      details,
    );
  }
  if (f.status === 401) {
    return new AppError(
      "UPSTREAM_ERROR",
      `Microsoft Graph did not accept the tenant connection's token: check the app's client id, secret and admin consent in Admin → Tenants${ref}.`,
      details,
    );
  }
  if (f.status === 404) return new AppError("NOT_FOUND", `Microsoft Graph could not find what was asked to ${info.title}${ref}.`, details);
  if (f.status === 429) {
    // A throttled request was not processed (learn.microsoft.com/graph/throttling): say until when, never "unknown".
    const wait = f.retryAfterSeconds
      ? `until ${throttledUntil(f.retryAfterSeconds)} (in ${Math.ceil(f.retryAfterSeconds)} s)`
      : "for now (Graph gave no time; about a minute)";
    return new AppError(
      "RATE_LIMITED",
      `Microsoft Graph is throttling this tenant ${wait}; nothing was changed. Try to ${info.title} again then${ref}.`,
      details,
    );
  }
  if (f.status === 0)
    return new AppError("UPSTREAM_UNAVAILABLE", `Microsoft Graph did not answer in time while trying to ${info.title}.`, {
      ...details,
      timedOut: true,
    });
  if (f.status >= 500)
    return new AppError("UPSTREAM_UNAVAILABLE", `Microsoft Graph is unavailable right now; could not ${info.title}${ref}.`, details);
  return new AppError("UPSTREAM_ERROR", `Microsoft Graph rejected the request to ${info.title} (${f.code})${ref}.`, details);
}

// Microsoft Entra's sign-in errors for a client-credentials token (AADSTS codes), by what to fix.
const SECRET_REFUSED = new Set(["7000215", "7000222", "7000216"]);
// A certificate assertion refused: unknown or expired certificate, bad signature, wrong audience
// (learn.microsoft.com/entra/identity-platform/certificate-credentials).
const CERTIFICATE_REFUSED = new Set(["700027", "700024", "50013", "5002730", "50027"]);
const APP_NOT_IN_TENANT = new Set(["700016", "7000112", "650051", "65001", "500011", "7000229"]);
const TENANT_UNKNOWN = new Set(["90002", "900023", "90072"]);

/**
 * The AppError for a token that could not be had (wrong or expired secret, app not consented in
 * the tenant, unknown tenant), or null when the error is something else. Only the AADSTS code is
 * kept, never Entra's own text.
 */
export function credentialError(error: unknown): AppError | null {
  // Already translated (Breachdesk's own app: lib/graph/tenant-graph.ts).
  if (error instanceof AppError && error.details?.credentialRefused) return error;
  // An outage of the token endpoint says nothing about the credentials (signInUnavailable).
  if (isTokenEndpointDown(error)) return null;
  const e = error as { name?: string; code?: string; message?: string } | null;
  const text = typeof e?.message === "string" ? e.message : "";
  const aadsts = /AADSTS(\d+)/.exec(text)?.[1] ?? null;
  const isAuth = [e?.name, e?.code].some(
    (n) => n === "AuthenticationError" || n === "AuthenticationRequiredError" || n === "CredentialUnavailableError",
  );
  if (!aadsts && !isAuth) return null;
  const details = {
    graphCode: aadsts ? `AADSTS${aadsts}` : "CredentialRefused",
    graphStatus: 401,
    requestId: null,
    credentialRefused: true,
  };
  const lead = "Microsoft Entra refused the tenant connection's credentials";
  if (aadsts && SECRET_REFUSED.has(aadsts)) {
    return new AppError(
      "UPSTREAM_ERROR",
      `${lead}: the client secret is wrong or has expired. Enter the app's current client secret in Admin → Tenants.`,
      details,
    );
  }
  if (aadsts && CERTIFICATE_REFUSED.has(aadsts)) {
    return new AppError(
      "UPSTREAM_ERROR",
      `${lead}: the app's certificate is not registered on the app, has expired, or does not match its private key. Upload the certificate's public key to the app registration (Certificates & secrets) or configure the registered one.`,
      details,
    );
  }
  if (aadsts && APP_NOT_IN_TENANT.has(aadsts)) {
    return new AppError(
      "UPSTREAM_ERROR",
      `${lead}: the app is not registered or consented in this tenant (consent may have been revoked). Have the tenant's admin grant admin consent, then check the client id in Admin → Tenants.`,
      details,
    );
  }
  if (aadsts && TENANT_UNKNOWN.has(aadsts)) {
    return new AppError("UPSTREAM_ERROR", `${lead}: the tenant id is not known to Microsoft Entra. Check it in Admin → Tenants.`, details);
  }
  const what = aadsts ? `${lead} (AADSTS${aadsts})` : "Could not get a token for the tenant connection";
  return new AppError("UPSTREAM_ERROR", `${what}. Check the client id, client secret and admin consent in Admin → Tenants.`, details);
}

export function isTimeout(error: unknown): boolean {
  return error instanceof AppError && error.details?.timedOut === true;
}

/**
 * A write answered by a timeout, a dropped connection or a 5xx may still have been applied (a real
 * 504 often has): the tenant's state read back decides, never the status alone.
 */
export function mayHaveApplied(error: unknown): boolean {
  return isTimeout(error) || (error instanceof AppError && error.code === "UPSTREAM_UNAVAILABLE" && !error.details?.signInUnavailable);
}

/**
 * The token endpoint answered 5xx (Entra documents AADSTS90033 "a transient error has occurred.
 * Try again" and OAuth's temporarily_unavailable — learn.microsoft.com/entra/identity-platform/
 * reference-error-codes), or it timed out: not a credential problem, and no Graph call was made.
 */
function isTokenEndpointDown(error: unknown): boolean {
  const e = error as { statusCode?: number; name?: string; message?: string } | null;
  if (typeof e?.statusCode === "number" && e.statusCode >= 500) return true;
  const text = typeof e?.message === "string" ? e.message : "";
  // Ours, when the Graph SDK re-wraps the AppError thrown from getToken into its own error.
  return text === SIGN_IN_UNAVAILABLE_MESSAGE || /AADSTS90033|temporarily_unavailable|server_error/.test(text);
}

export const SIGN_IN_UNAVAILABLE_MESSAGE =
  "Microsoft sign-in is unavailable right now, so Breachdesk could not get a token for this tenant; nothing was changed. Retry in a minute.";

/** The AppError for a token request that failed on Microsoft's side or timed out, or null. */
export function signInUnavailable(error: unknown, timedOut = false): AppError | null {
  if (error instanceof AppError && error.code === "SIGN_IN_UNAVAILABLE") return error;
  if (!timedOut && !isTokenEndpointDown(error)) return null;
  const status = (error as { statusCode?: number } | null)?.statusCode ?? null;
  return new AppError("SIGN_IN_UNAVAILABLE", SIGN_IN_UNAVAILABLE_MESSAGE, {
    signInUnavailable: true,
    graphStatus: status,
    timedOut: false,
    tokenTimedOut: timedOut,
  });
}
