import "server-only";
import { NextResponse } from "next/server";
import { NOT_SAME_ORIGIN_MESSAGE, SESSION_ENDED_MESSAGE } from "@/lib/actions/client";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { requestOriginInfo } from "@/lib/auth/request-origin";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { AppError, isAppError, toUserMessage } from "@/lib/errors";
import { getLogger } from "@/lib/logger";

type RouteOptions = {
  /** Names the route in the log. */
  name: string;
  /** The viewer must hold it; without it the route answers 404, as a page does. */
  permission: Permission;
  /** How errors are answered: plain text (downloads) or { error } as JSON (fetch from a form). */
  body?: "text" | "json";
  /** Refuse requests that do not come from Breachdesk's own pages (uploads, like server actions). */
  sameOrigin?: boolean;
};

type Handler<P> = (ctx: { request: Request; params: P; viewer: Viewer; db: Db }) => Promise<Response>;

/**
 * The one wrapper for API route handlers: it checks the origin (when asked), the session and the
 * permission, then hands the handler its viewer and database. An AppError answers with its own
 * status and message; anything else is logged and answered 500 with a generic message, never
 * disguised as "not found".
 */
export function apiRoute<P>(options: RouteOptions, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      if (options.sameOrigin) {
        const origin = requestOriginInfo(request.headers, getEnv().NEXTAUTH_URL);
        if (!isSameOriginRequest(origin)) {
          getLogger().warn(
            { route: options.name, origin: origin.origin, secFetchSite: origin.secFetchSite },
            "request refused: not same-origin",
          );
          throw new AppError("FORBIDDEN", NOT_SAME_ORIGIN_MESSAGE);
        }
      }
      const viewer = await getViewer();
      if (!viewer) throw new AppError("UNAUTHENTICATED", SESSION_ENDED_MESSAGE);
      if (!hasPermission(viewer.role, options.permission)) return errorResponse(options, 404, "Not found.");
      return await handler({ request, params: await context.params, viewer, db: await getDb() });
    } catch (error) {
      if (!isAppError(error)) getLogger().error({ err: error, route: options.name }, "route failed");
      return errorResponse(options, isAppError(error) ? error.status : 500, toUserMessage(error));
    }
  };
}

function errorResponse(options: RouteOptions, status: number, message: string): Response {
  const headers = { "Cache-Control": "private, no-store" };
  if (options.body === "json") return NextResponse.json({ error: message }, { status, headers });
  return new Response(message, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
