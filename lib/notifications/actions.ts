"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZMarkReadInput, ZPreferencesInput } from "./schemas";
import { markNotificationsRead, saveNotificationPreferences } from "./service";

export const markNotificationsReadAction = actionClient
  .metadata({ name: "markNotificationsRead" })
  .inputSchema(ZMarkReadInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("notifications.read");
    const { count } = await markNotificationsRead(await getDb(), viewer, parsedInput);
    revalidatePath("/", "layout");
    return { count };
  });

export const saveNotificationPreferencesAction = actionClient
  .metadata({ name: "saveNotificationPreferences" })
  .inputSchema(ZPreferencesInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("notifications.read");
    const db = await getDb();
    await withFieldErrors(() => saveNotificationPreferences(db, viewer, parsedInput.prefs));
    revalidatePath("/notifications");
  });
