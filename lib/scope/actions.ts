"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZAddAffectedUserInput, ZSaveRecipientDomainInput } from "./schemas";
import { addAffectedUser, saveRecipientDomain } from "./service";

export const addAffectedUserAction = actionClient
  .metadata({ name: "addAffectedUser" })
  .inputSchema(ZAddAffectedUserInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    await withFieldErrors(() => addAffectedUser(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });

export const saveRecipientDomainAction = actionClient
  .metadata({ name: "saveRecipientDomain" })
  .inputSchema(ZSaveRecipientDomainInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    await saveRecipientDomain(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });
