"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { ZAddCommentInput, ZUpdateIntakeInput } from "./schemas";
import { addComment } from "./service";
import { updateIntake } from "./update-intake";

export const addCommentAction = actionClient
  .metadata({ name: "addComment", permission: "comments.writePublic" })
  // An internal note also needs comments.writeInternal: addComment checks it for the visibility chosen.
  .inputSchema(ZAddCommentInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const comment = await addComment(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return comment;
  });

export const updateIntakeAction = actionClient
  .metadata({ name: "updateIntake", permission: "tickets.work" })
  .inputSchema(ZUpdateIntakeInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await updateIntake(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });
