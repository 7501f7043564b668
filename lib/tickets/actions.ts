"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZAddCommentInput, ZUpdateIntakeInput } from "./schemas";
import { addComment } from "./service";
import { updateIntake } from "./update-intake";

export const addCommentAction = actionClient
  .metadata({ name: "addComment" })
  .inputSchema(ZAddCommentInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission(parsedInput.visibility === "INTERNAL" ? "comments.writeInternal" : "comments.writePublic");
    const comment = await addComment(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return comment;
  });

export const updateIntakeAction = actionClient
  .metadata({ name: "updateIntake" })
  .inputSchema(ZUpdateIntakeInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await updateIntake(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });
