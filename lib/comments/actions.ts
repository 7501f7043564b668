"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { ZAddCommentInput } from "@/lib/tickets/schemas";
import { addComment } from "./service";

export const addCommentAction = actionClient
  .metadata({ name: "addComment", permission: "comments.writePublic" })
  // An internal note also needs comments.writeInternal: addComment checks it for the visibility chosen.
  .inputSchema(ZAddCommentInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const comment = await addComment(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return comment;
  });
