"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZAlertModeInput, ZAlertSuggestionsInput } from "./schemas";
import { acceptAlertSuggestions, dismissAlertSuggestions, setAlertMode } from "./service";

export const acceptAlertSuggestionsAction = actionClient
  .metadata({ name: "acceptAlertSuggestions" })
  .inputSchema(ZAlertSuggestionsInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const ticket = await acceptAlertSuggestions(await getDb(), viewer, parsedInput);
    revalidatePath("/tickets");
    return ticket;
  });

export const dismissAlertSuggestionsAction = actionClient
  .metadata({ name: "dismissAlertSuggestions" })
  .inputSchema(ZAlertSuggestionsInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await dismissAlertSuggestions(await getDb(), viewer, parsedInput);
    revalidatePath("/tickets");
    return result;
  });

export const setAlertModeAction = actionClient
  .metadata({ name: "setAlertMode" })
  .inputSchema(ZAlertModeInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tenants.manage");
    const result = await setAlertMode(await getDb(), viewer, parsedInput);
    revalidatePath(`/admin/tenants/${parsedInput.tenantId}`);
    return result;
  });
