import "server-only";
import { headers } from "next/headers";
import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { z } from "zod";
import { requestOriginInfo } from "@/lib/auth/request-origin";
import { isSameOriginRequest, type RequestOriginInfo } from "@/lib/auth/same-origin";
import { hasPermission, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { AppError, isAppError, toErrorForBrowser } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { findNul, nulValidationErrors } from "./find-nul";

export const SESSION_ENDED_MESSAGE = "Your session has ended. Please sign in again.";
export const FORBIDDEN_MESSAGE = "You do not have permission to do that.";
export const NOT_SAME_ORIGIN_MESSAGE = "This request did not come from a Breachdesk page. Reload the page and try again.";

type ActionClientDeps = {
  requestOrigin: () => Promise<RequestOriginInfo>;
  loadViewer: () => Promise<Viewer | null>;
  openDb: () => Promise<Db>;
};

const permissionNames = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

async function requestOriginFromHeaders(): Promise<RequestOriginInfo> {
  return requestOriginInfo(await headers(), getEnv().NEXTAUTH_URL);
}

/**
 * The one entry point for mutations, built from its request readers so the middleware order is
 * tested (lib/actions/client.test.ts). Before any input is validated, every action refuses
 * (1) a request that does not come from the app's own pages (lib/auth/same-origin.ts) and
 * (2) a request without a live session or without the permission the action names in its
 * metadata, so none learns the input's shape; then (3) any string holding a NUL or half a
 * surrogate pair, as a validation error. The action then gets the viewer and the database
 * in its context, and calls one service function (which checks the permission again). Expected
 * errors (AppError) show their message; anything else is logged and the user gets a generic
 * message.
 */
export function createActionClient({ requestOrigin, loadViewer, openDb }: ActionClientDeps) {
  return createSafeActionClient({
    defineMetadataSchema: () => z.object({ name: z.string(), permission: z.enum(permissionNames) }),
    defaultValidationErrorsShape: "flattened",
    handleServerError(error, utils) {
      if (!isAppError(error)) getLogger().error({ err: error, action: utils.metadata?.name }, "server action failed");
      return toErrorForBrowser(error);
    },
  })
    .use(async ({ next, metadata }) => {
      const request = await requestOrigin();
      if (!isSameOriginRequest(request)) {
        getLogger().warn(
          { action: metadata?.name, origin: request.origin, secFetchSite: request.secFetchSite },
          "server action refused: not same-origin",
        );
        throw new AppError("FORBIDDEN", NOT_SAME_ORIGIN_MESSAGE);
      }
      return next();
    })
    .use(async ({ next, metadata }) => {
      // Middleware added with use() runs before input validation (next-safe-action 8).
      const viewer = await loadViewer();
      if (!viewer) throw new AppError("UNAUTHENTICATED", SESSION_ENDED_MESSAGE);
      if (!hasPermission(viewer.role, metadata.permission)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
      return next({ ctx: { viewer } });
    })
    .use(async ({ next, clientInput }) => {
      const path = findNul(clientInput);
      if (path) returnValidationErrors(z.object({}), nulValidationErrors(path, clientInput) as never);
      return next({ ctx: { db: await openDb() } });
    });
}

export const actionClient = createActionClient({ requestOrigin: requestOriginFromHeaders, loadViewer: getViewer, openDb: getDb });

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
