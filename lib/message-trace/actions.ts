"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZRunMessageTraceInput } from "./schemas";
import { runMessageTrace } from "./service";

export const runMessageTraceAction = actionClient
  .metadata({ name: "runMessageTrace" })
  .inputSchema(ZRunMessageTraceInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    const result = await withFieldErrors(() => runMessageTrace(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return { messages: result.messages, domains: result.domains };
  });
