import "server-only";
import { headers } from "next/headers";
import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { z } from "zod";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { getEnv } from "@/lib/env";
import { AppError, isAppError, toUserMessage } from "@/lib/errors";
import { getLogger } from "@/lib/logger";

/**
 * The one entry point for mutations. Each action declares its name and input schema, then calls
 * requirePermission and one service function. Expected errors (AppError) show their message;
 * anything else is logged and the user gets a generic message. Every action first refuses a
 * request that does not come from the app's own pages (lib/auth/same-origin.ts).
 */
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string() }),
  defaultValidationErrorsShape: "flattened",
  handleServerError(error, utils) {
    if (!isAppError(error)) getLogger().error({ err: error, action: utils.metadata?.name }, "server action failed");
    return toUserMessage(error);
  },
}).use(async ({ next, metadata }) => {
  const h = await headers();
  const request = {
    origin: h.get("origin"),
    secFetchSite: h.get("sec-fetch-site"),
    host: h.get("x-forwarded-host") ?? h.get("host"),
    appUrl: getEnv().NEXTAUTH_URL,
  };
  if (!isSameOriginRequest(request)) {
    getLogger().warn({ action: metadata?.name, origin: request.origin, secFetchSite: request.secFetchSite }, "server action refused: not same-origin");
    throw new AppError("FORBIDDEN", "This request did not come from a Breachdesk page. Reload the page and try again.");
  }
  return next();
});

/**
 * Runs a service call so that a rule failure tied to one field (AppError INVALID_INPUT with
 * details.field, e.g. "not in the tenant's domain") is shown beside that field like a schema error.
 */
export async function withFieldErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const field = isAppError(error) && error.code === "INVALID_INPUT" ? error.details?.field : undefined;
    if (typeof field === "string" && isAppError(error)) {
      returnValidationErrors(z.object({}), { [field]: { _errors: [error.message] } } as never);
    }
    throw error;
  }
}
