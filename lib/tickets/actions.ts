"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { ZUpdateIntakeInput } from "./schemas";
import { updateIntake } from "./update-intake";

export const updateIntakeAction = actionClient
  .metadata({ name: "updateIntake", permission: "tickets.work" })
  .inputSchema(ZUpdateIntakeInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await updateIntake(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });
