import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import type { CallbackResult } from "./consent";
import { connectionPagePath } from "./connection-access";

// Where a callback from Microsoft lands: the tenant's connection page with the attempt's id (the
// page reads the outcome from the database), or, refused before any attempt was found, with the
// refusal's reason from a closed set. Nothing Microsoft sent is echoed into the URL.

export function callbackRedirect(request: Request, viewer: Viewer | null, result: CallbackResult | null): Response {
  const base = getEnv().NEXTAUTH_URL ?? new URL(request.url).origin;
  let target: URL;
  if (!viewer) target = new URL("/login", base);
  else if (!result) target = new URL(viewer.role === "TENANT_ADMIN" ? "/tenant?refused=failed" : "/admin/tenants?refused=failed", base);
  else if ("refused" in result)
    target = new URL(`${viewer.role === "TENANT_ADMIN" ? "/tenant" : "/admin/tenants"}?refused=${result.refused}`, base);
  else target = new URL(`${connectionPagePath(viewer, result.tenantId)}?attempt=${encodeURIComponent(result.attemptId)}`, base);
  return new Response(null, {
    status: 303,
    headers: { Location: target.toString(), "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

/** Runs a callback; an unexpected failure is logged (without the query: it holds the code and state) and answered with a generic refusal. */
export async function handleCallback(request: Request, viewer: Viewer | null, run: () => Promise<CallbackResult>): Promise<Response> {
  try {
    return callbackRedirect(request, viewer, await run());
  } catch (error) {
    getLogger().error({ err: error, path: new URL(request.url).pathname }, "connect callback failed");
    return callbackRedirect(request, viewer, null);
  }
}
