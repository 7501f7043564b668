"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { ZRunMessageTraceInput } from "./schemas";
import { runMessageTrace } from "./service";

export const runMessageTraceAction = actionClient
  .metadata({ name: "runMessageTrace", permission: "tickets.work" })
  .inputSchema(ZRunMessageTraceInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withFieldErrors(() => runMessageTrace(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return { messages: result.messages, domains: result.domains };
  });
