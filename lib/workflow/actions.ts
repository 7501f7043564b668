"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZAssignInput, ZOutcomeInput, ZTransitionInput } from "./schemas";
import { assignTicket, transitionTicket, updateOutcome } from "./service";

export const transitionTicketAction = actionClient
  .metadata({ name: "transitionTicket" })
  .inputSchema(ZTransitionInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    const result = await withFieldErrors(() => transitionTicket(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const assignTicketAction = actionClient
  .metadata({ name: "assignTicket" })
  .inputSchema(ZAssignInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.assign");
    const db = await getDb();
    await withFieldErrors(() => assignTicket(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });

export const updateOutcomeAction = actionClient
  .metadata({ name: "updateOutcome" })
  .inputSchema(ZOutcomeInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    await withFieldErrors(() => updateOutcome(db, viewer, parsedInput));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });
