import "server-only";
import { returnValidationErrors } from "next-safe-action";
import { isAppError } from "@/lib/errors";
import { ZIntakeForm } from "./schemas";

/**
 * Like withFieldErrors (lib/actions/client.ts), for a service that reports several fields at
 * once: AppError INVALID_INPUT with details.fieldErrors ({ field: messages }, "_form" for the
 * form as a whole) comes back as the action's validation errors, each beside its own field.
 */
export async function withIntakeFieldErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const map = isAppError(error) && error.code === "INVALID_INPUT" ? error.details?.fieldErrors : undefined;
    const single = isAppError(error) && error.code === "INVALID_INPUT" ? error.details?.field : undefined;
    if (isAppError(error) && (map || typeof single === "string")) {
      const entries = Object.entries((map ?? { [single as string]: [error.message] }) as Record<string, string[]>);
      const shaped = Object.fromEntries(entries.filter(([k]) => k !== "_form").map(([k, v]) => [k, { _errors: v }]));
      const form = entries.find(([k]) => k === "_form")?.[1];
      returnValidationErrors(ZIntakeForm, { ...shaped, ...(form ? { _errors: form } : {}) } as never);
    }
    throw error;
  }
}
