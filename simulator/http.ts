import { randomUUID } from "node:crypto";
import type { SimUser, TenantState } from "./state";

// Shapes shared by the router and the routes: a parsed request and a plain response.

export type GraphVersion = "v1.0" | "beta";

export type GraphRequest = {
  method: string;
  version: GraphVersion;
  /** Path after the version, e.g. /users/megan@contoso.example */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | undefined>;
  requestId: string;
  /** https://localhost:3001 — for absolute @odata.nextLink values. */
  origin: string;
};

/**
 * tenant.app is the calling application's principal in the tenant (its permissions and directory
 * roles); signedInUser is set for a delegated token, whose scopes are then the roles.
 */
export type GraphContext = GraphRequest & { tenant: TenantState; roles: string[]; signedInUser?: SimUser };

export type SimResponse = { status: number; body?: unknown; headers?: Record<string, string> };

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Graph's error envelope. */
export function errorBody(code: string, message: string, requestId: string, date = new Date()) {
  return {
    error: {
      code,
      message,
      innerError: { date: date.toISOString().slice(0, 19), "request-id": requestId, "client-request-id": requestId },
    },
  };
}

export const newRequestId = () => randomUUID();

export const ok = (body: unknown, status = 200): SimResponse => ({ status, body });
export const noContent = (): SimResponse => ({ status: 204 });

export function notFound(what: string): GraphHttpError {
  return new GraphHttpError(
    404,
    "Request_ResourceNotFound",
    `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function badRequest(message: string): GraphHttpError {
  return new GraphHttpError(400, "BadRequest", message);
}
