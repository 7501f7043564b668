// Expected failures carry a code from this closed set; the edge (actions, route handlers, pages)
// shows their message. Anything else is logged and the user sees a generic message.
export const APP_ERROR_CODES = {
  /** The record does not exist or the viewer may not see it (never reveal which). */
  NOT_FOUND: 404,
  /** Signed in, but the role lacks the permission. */
  FORBIDDEN: 403,
  /** Not signed in, or the session's user is gone or disabled. */
  UNAUTHENTICATED: 401,
  /** Input failed validation beyond what the form schema caught. */
  INVALID_INPUT: 400,
  /** The record changed since the viewer loaded it (optimistic locking). */
  CONFLICT: 409,
  /** The action is not allowed in the record's current state (e.g. closing an open checklist). */
  INVALID_STATE: 422,
  /** Too many attempts; retry later. */
  RATE_LIMITED: 429,
  /** Microsoft Graph (or the tenant simulator) refused or failed; the message says what to fix. */
  UPSTREAM_ERROR: 502,
  /** Microsoft Graph could not be reached or timed out. */
  UPSTREAM_UNAVAILABLE: 503,
  /** Microsoft's sign-in (the token endpoint) failed or timed out: no Graph call was made; retry. */
  SIGN_IN_UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. The error was logged; please try again.";

/** How a server action's failure reaches the browser: the code to act on, the message to show. */
export type ErrorForBrowser = { code: AppErrorCode | "INTERNAL"; message: string };

export function toErrorForBrowser(error: unknown): ErrorForBrowser {
  return { code: isAppError(error) ? error.code : "INTERNAL", message: toUserMessage(error) };
}

/** The message a user may see for any thrown value. */
export function toUserMessage(error: unknown): string {
  return isAppError(error) ? error.message : GENERIC_ERROR_MESSAGE;
}

export function notFoundError(what = "Ticket"): AppError {
  return new AppError("NOT_FOUND", `${what} not found.`);
}
