"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { correctRecipientDomain, deleteRecipientDomain, revertRecipientDomain, saveRecipientDomain } from "./domain-service";
import {
  ZAddAffectedUserInput,
  ZCheckPrimaryAccountInput,
  ZCorrectRecipientDomainInput,
  ZDeleteRecipientDomainInput,
  ZRevertRecipientDomainInput,
  ZSaveRecipientDomainInput,
} from "./schemas";
import { addAffectedUser, recheckPrimaryAccount } from "./service";

export const addAffectedUserAction = actionClient
  .metadata({ name: "addAffectedUser", permission: "tickets.work" })
  .inputSchema(ZAddAffectedUserInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => addAffectedUser(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });

export const recheckPrimaryAccountAction = actionClient
  .metadata({ name: "recheckPrimaryAccount", permission: "tickets.work" })
  .inputSchema(ZCheckPrimaryAccountInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await recheckPrimaryAccount(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const saveRecipientDomainAction = actionClient
  .metadata({ name: "saveRecipientDomain", permission: "tickets.work" })
  .inputSchema(ZSaveRecipientDomainInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => saveRecipientDomain(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });

export const correctRecipientDomainAction = actionClient
  .metadata({ name: "correctRecipientDomain", permission: "tickets.work" })
  .inputSchema(ZCorrectRecipientDomainInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await correctRecipientDomain(db, viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return { version: result.version };
  });

export const revertRecipientDomainAction = actionClient
  .metadata({ name: "revertRecipientDomain", permission: "tickets.work" })
  .inputSchema(ZRevertRecipientDomainInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await revertRecipientDomain(db, viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return { version: result.version };
  });

export const deleteRecipientDomainAction = actionClient
  .metadata({ name: "deleteRecipientDomain", permission: "tickets.work" })
  .inputSchema(ZDeleteRecipientDomainInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await deleteRecipientDomain(db, viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
  });
