"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { checkMfaCoverage } from "./mfa-check";
import { ZAddPreventiveItemInput, ZCheckMfaCoverageInput, ZUpdatePreventiveItemInput } from "./schemas";
import { addPreventiveItem, updatePreventiveItem } from "./service";

export const addPreventiveItemAction = actionClient
  .metadata({ name: "addPreventiveItem" })
  .inputSchema(ZAddPreventiveItemInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    const item = await withFieldErrors(() => addPreventiveItem(db, viewer, parsedInput));
    revalidatePath(`/tickets/${item.ticketId}`);
    return { id: item.id };
  });

export const updatePreventiveItemAction = actionClient
  .metadata({ name: "updatePreventiveItem" })
  .inputSchema(ZUpdatePreventiveItemInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    const item = await withFieldErrors(() => updatePreventiveItem(db, viewer, parsedInput));
    revalidatePath(`/tickets/${item.ticketId}`);
    return { id: item.id, updatedAt: item.updatedAt.toISOString() };
  });

export const checkMfaCoverageAction = actionClient
  .metadata({ name: "checkMfaCoverage" })
  .inputSchema(ZCheckMfaCoverageInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const check = await checkMfaCoverage(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return { id: check.id, totalUsers: check.totalUsers, mfaRegistered: check.mfaRegistered };
  });
