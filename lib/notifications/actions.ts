"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { ZMarkReadInput, ZPreferencesInput } from "./schemas";
import { markNotificationsRead, saveNotificationPreferences } from "./service";

export const markNotificationsReadAction = actionClient
  .metadata({ name: "markNotificationsRead", permission: "notifications.read" })
  .inputSchema(ZMarkReadInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const { count } = await markNotificationsRead(db, viewer, parsedInput);
    revalidatePath("/", "layout");
    return { count };
  });

export const saveNotificationPreferencesAction = actionClient
  .metadata({ name: "saveNotificationPreferences", permission: "notifications.read" })
  .inputSchema(ZPreferencesInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => saveNotificationPreferences(db, viewer, parsedInput.prefs));
    revalidatePath("/notifications");
  });
