"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { runContainment } from "./containment";
import { ZRunContainmentInput } from "./schemas";

export const runContainmentAction = actionClient
  .metadata({ name: "runContainment" })
  .inputSchema(ZRunContainmentInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const result = await runContainment(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });
