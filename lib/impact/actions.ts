"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZSaveImpactInput } from "./schemas";
import { saveImpact } from "./service";

export const saveImpactAction = actionClient
  .metadata({ name: "saveImpact" })
  .inputSchema(ZSaveImpactInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await saveImpact(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });
