"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { checkMfaCoverage } from "./mfa-check";
import { ZAddPreventiveItemInput, ZCheckMfaCoverageInput, ZUpdatePreventiveItemInput } from "./schemas";
import { addPreventiveItem, updatePreventiveItem } from "./service";

export const addPreventiveItemAction = actionClient
  .metadata({ name: "addPreventiveItem", permission: "tickets.work" })
  .inputSchema(ZAddPreventiveItemInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const item = await withFieldErrors(() => addPreventiveItem(db, viewer, parsedInput));
    revalidatePath(`/tickets/${item.ticketId}`);
    return { id: item.id };
  });

export const updatePreventiveItemAction = actionClient
  .metadata({ name: "updatePreventiveItem", permission: "tickets.work" })
  .inputSchema(ZUpdatePreventiveItemInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const item = await withFieldErrors(() => updatePreventiveItem(db, viewer, parsedInput));
    revalidatePath(`/tickets/${item.ticketId}`);
    return { id: item.id, updatedAt: item.updatedAt.toISOString() };
  });

export const checkMfaCoverageAction = actionClient
  .metadata({ name: "checkMfaCoverage", permission: "tickets.work" })
  .inputSchema(ZCheckMfaCoverageInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const check = await checkMfaCoverage(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return { id: check.id, totalUsers: check.totalUsers, mfaRegistered: check.mfaRegistered };
  });
