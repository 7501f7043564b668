"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { ZJobIdInput } from "./schemas";
import { cancelJobAsAdmin, retryJobAsAdmin } from "./service";

export const cancelJobAction = actionClient
  .metadata({ name: "cancelJob", permission: "jobs.manage" })
  .inputSchema(ZJobIdInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await cancelJobAsAdmin(db, viewer, parsedInput.jobId);
    revalidatePath("/admin/jobs");
  });

export const retryJobAction = actionClient
  .metadata({ name: "retryJob", permission: "jobs.manage" })
  .inputSchema(ZJobIdInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await retryJobAsAdmin(db, viewer, parsedInput.jobId);
    revalidatePath("/admin/jobs");
  });
