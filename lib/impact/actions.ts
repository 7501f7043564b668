"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { errorsByPath } from "./errors-by-path";
import { ZSaveImpactInput } from "./schemas";
import { saveImpact } from "./service";

export const saveImpactAction = actionClient
  .metadata({ name: "saveImpact", permission: "tickets.work" })
  // Errors keyed by path ("assessments.2.notes"), so each shows beside its own control.
  .inputSchema(ZSaveImpactInput, { handleValidationErrorsShape: async (ve) => ({ fieldErrors: errorsByPath(ve) }) })
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    // A severity below the ticket's is refused beside "Overall severity" (errors keyed as above).
    const result = await withFieldErrors(() => saveImpact(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });
