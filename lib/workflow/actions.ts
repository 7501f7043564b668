"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { ZAssignInput, ZOutcomeInput, ZTransitionInput } from "./schemas";
import { assignTicket, transitionTicket, updateOutcome } from "./service";

export const transitionTicketAction = actionClient
  .metadata({ name: "transitionTicket", permission: "tickets.work" })
  .inputSchema(ZTransitionInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withFieldErrors(() => transitionTicket(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const assignTicketAction = actionClient
  .metadata({ name: "assignTicket", permission: "tickets.assign" })
  .inputSchema(ZAssignInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => assignTicket(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });

export const updateOutcomeAction = actionClient
  .metadata({ name: "updateOutcome", permission: "tickets.work" })
  .inputSchema(ZOutcomeInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => updateOutcome(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });
