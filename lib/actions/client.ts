import "server-only";
import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { z } from "zod";
import { isAppError, toUserMessage } from "@/lib/errors";
import { getLogger } from "@/lib/logger";

/**
 * The one entry point for mutations. Each action declares its name and input schema, then calls
 * requirePermission and one service function. Expected errors (AppError) show their message;
 * anything else is logged and the user gets a generic message.
 */
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string() }),
  defaultValidationErrorsShape: "flattened",
  handleServerError(error, utils) {
    if (!isAppError(error)) getLogger().error({ err: error, action: utils.metadata?.name }, "server action failed");
    return toUserMessage(error);
  },
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
