import "server-only";
import { headers } from "next/headers";
import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { z } from "zod";
import { requestOriginInfo } from "@/lib/auth/request-origin";
import { isSameOriginRequest, type RequestOriginInfo } from "@/lib/auth/same-origin";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";
import { AppError, isAppError, toUserMessage } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { findNul, nulValidationErrors } from "./find-nul";

export const SESSION_ENDED_MESSAGE = "Your session has ended. Please sign in again.";
export const NOT_SAME_ORIGIN_MESSAGE = "This request did not come from a Breachdesk page. Reload the page and try again.";

type ActionClientDeps = { requestOrigin: () => Promise<RequestOriginInfo>; loadViewer: () => Promise<Viewer | null> };

async function requestOriginFromHeaders(): Promise<RequestOriginInfo> {
  return requestOriginInfo(await headers(), getEnv().NEXTAUTH_URL);
}

/**
 * The one entry point for mutations, built from its request readers so the middleware order is
 * tested (lib/actions/client.test.ts). Before any input is validated, every action refuses
 * (1) a request that does not come from the app's own pages (lib/auth/same-origin.ts) and
 * (2) a request without a live session, so neither learns the input's shape; then (3) any string
 * holding a NUL or half a surrogate pair, as a validation error. Each action then declares its input schema, calls
 * requirePermission and one service function. Expected errors (AppError) show their message;
 * anything else is logged and the user gets a generic message.
 */
export function createActionClient({ requestOrigin, loadViewer }: ActionClientDeps) {
  return createSafeActionClient({
    defineMetadataSchema: () => z.object({ name: z.string() }),
    defaultValidationErrorsShape: "flattened",
    handleServerError(error, utils) {
      if (!isAppError(error)) getLogger().error({ err: error, action: utils.metadata?.name }, "server action failed");
      return toUserMessage(error);
    },
  })
    .use(async ({ next, metadata }) => {
      const request = await requestOrigin();
      if (!isSameOriginRequest(request)) {
        getLogger().warn({ action: metadata?.name, origin: request.origin, secFetchSite: request.secFetchSite }, "server action refused: not same-origin");
        throw new AppError("FORBIDDEN", NOT_SAME_ORIGIN_MESSAGE);
      }
      return next();
    })
    .use(async ({ next }) => {
      // Middleware added with use() runs before input validation (next-safe-action 8).
      if (!(await loadViewer())) throw new AppError("UNAUTHENTICATED", SESSION_ENDED_MESSAGE);
      return next();
    })
    .use(async ({ next, clientInput }) => {
      const path = findNul(clientInput);
      if (path) returnValidationErrors(z.object({}), nulValidationErrors(path, clientInput) as never);
      return next();
    });
}

export const actionClient = createActionClient({ requestOrigin: requestOriginFromHeaders, loadViewer: getViewer });

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
