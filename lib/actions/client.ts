import "server-only";
import { createMiddleware, createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { z } from "zod";
import { isAppError, toUserMessage } from "@/lib/errors";
import { getLogger } from "@/lib/logger";

// Field-level rule failures found by a service (e.g. "not in the tenant's domain") come back as
// AppError INVALID_INPUT with details.field; show them beside the field like schema errors.
const fieldErrorsFromServices = createMiddleware().define(async ({ next }) => {
  try {
    return await next();
  } catch (error) {
    const field = isAppError(error) && error.code === "INVALID_INPUT" ? error.details?.field : undefined;
    if (typeof field === "string") {
      return returnValidationErrors(z.object({}), { [field]: { _errors: [error instanceof Error ? error.message : ""] } } as never);
    }
    throw error;
  }
});

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
}).use(fieldErrorsFromServices);
