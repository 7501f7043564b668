"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { correctRecipientDomain, deleteRecipientDomain, revertRecipientDomain, saveRecipientDomain } from "./domain-service";
import {
  ZAddAffectedUserInput, ZCheckPrimaryAccountInput, ZCorrectRecipientDomainInput, ZDeleteRecipientDomainInput, ZRevertRecipientDomainInput, ZSaveRecipientDomainInput,
} from "./schemas";
import { addAffectedUser, recheckPrimaryAccount } from "./service";

export const addAffectedUserAction = actionClient
  .metadata({ name: "addAffectedUser" })
  .inputSchema(ZAddAffectedUserInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    await withFieldErrors(() => addAffectedUser(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });

export const recheckPrimaryAccountAction = actionClient
  .metadata({ name: "recheckPrimaryAccount" })
  .inputSchema(ZCheckPrimaryAccountInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await recheckPrimaryAccount(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const saveRecipientDomainAction = actionClient
  .metadata({ name: "saveRecipientDomain" })
  .inputSchema(ZSaveRecipientDomainInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    await withFieldErrors(() => saveRecipientDomain(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });

export const correctRecipientDomainAction = actionClient
  .metadata({ name: "correctRecipientDomain" })
  .inputSchema(ZCorrectRecipientDomainInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await correctRecipientDomain(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return { version: result.version };
  });

export const revertRecipientDomainAction = actionClient
  .metadata({ name: "revertRecipientDomain" })
  .inputSchema(ZRevertRecipientDomainInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await revertRecipientDomain(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return { version: result.version };
  });

export const deleteRecipientDomainAction = actionClient
  .metadata({ name: "deleteRecipientDomain" })
  .inputSchema(ZDeleteRecipientDomainInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await deleteRecipientDomain(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
  });
