import { isAppError, toUserMessage, type AppErrorCode } from "@/lib/errors";

// How a handler's error is stored on the job: only what a person on the ticket or an admin may
// read (an AppError's message, else a generic one; the full error goes to the log), and whether
// trying again can help.

/** Throw from a handler when trying again cannot help (the job fails at once, whatever its retry limit). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

// Expected errors that another attempt will not change. Everything else (Graph unavailable or
// throttled, a conflict, a bug, a crash) is retried.
const PERMANENT_CODES: ReadonlySet<AppErrorCode> = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "INVALID_INPUT", "INVALID_STATE"]);

export type StoredFailure = { message: string; code: string; permanent: boolean };

export function describeFailure(error: unknown): StoredFailure {
  if (error instanceof PermanentJobError) return { message: error.message, code: "PERMANENT", permanent: true };
  if (isAppError(error)) return { message: error.message, code: error.code, permanent: PERMANENT_CODES.has(error.code) };
  return { message: toUserMessage(error), code: "INTERNAL", permanent: false };
}

/**
 * The value thrown back to pg-boss, which stores it as the job's output. An Error without its
 * stack, so the stored output is exactly { name, message, code }.
 */
export function failureForQueue(failure: StoredFailure): Error {
  const error = new Error(failure.message);
  error.name = "JobFailure";
  delete error.stack;
  Object.assign(error, { code: failure.code });
  return error;
}

/** A run stopped from outside (its time limit, a shutdown): retried like a crash. */
export function abortedFailure(reason: unknown): StoredFailure {
  return { message: reason instanceof Error ? reason.message : "The run was stopped.", code: "ABORTED", permanent: false };
}
