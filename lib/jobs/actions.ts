"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZJobIdInput } from "./schemas";
import { cancelJobAsAdmin, retryJobAsAdmin } from "./service";

export const cancelJobAction = actionClient
  .metadata({ name: "cancelJob" })
  .inputSchema(ZJobIdInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("jobs.manage");
    await cancelJobAsAdmin(await getDb(), viewer, parsedInput.jobId);
    revalidatePath("/admin/jobs");
  });

export const retryJobAction = actionClient
  .metadata({ name: "retryJob" })
  .inputSchema(ZJobIdInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("jobs.manage");
    await retryJobAsAdmin(await getDb(), viewer, parsedInput.jobId);
    revalidatePath("/admin/jobs");
  });
