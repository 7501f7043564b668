"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { ZAlertModeInput, ZAlertSuggestionsInput } from "./schemas";
import { acceptAlertSuggestions, dismissAlertSuggestions, setAlertMode } from "./service";

export const acceptAlertSuggestionsAction = actionClient
  .metadata({ name: "acceptAlertSuggestions", permission: "tickets.work" })
  .inputSchema(ZAlertSuggestionsInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const ticket = await acceptAlertSuggestions(db, viewer, parsedInput);
    revalidatePath("/tickets");
    return ticket;
  });

export const dismissAlertSuggestionsAction = actionClient
  .metadata({ name: "dismissAlertSuggestions", permission: "tickets.work" })
  .inputSchema(ZAlertSuggestionsInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await dismissAlertSuggestions(db, viewer, parsedInput);
    revalidatePath("/tickets");
    return result;
  });

export const setAlertModeAction = actionClient
  .metadata({ name: "setAlertMode", permission: "tenants.manage" })
  .inputSchema(ZAlertModeInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await setAlertMode(db, viewer, parsedInput);
    revalidatePath(`/admin/tenants/${parsedInput.tenantId}`);
    return result;
  });
