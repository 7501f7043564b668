"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { resubmitReport, reviewReport } from "./review";
import { ZResubmitReportInput, ZReviewReportInput } from "./schemas";

export const reviewReportAction = actionClient
  .metadata({ name: "reviewReport" })
  .inputSchema(ZReviewReportInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("reports.review");
    const db = await getDb();
    await withFieldErrors(() => reviewReport(db, viewer, parsedInput));
    revalidatePath("/reviews");
    revalidatePath(`/reports/${parsedInput.ticketId}`);
  });

export const resubmitReportAction = actionClient
  .metadata({ name: "resubmitReport" })
  .inputSchema(ZResubmitReportInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await resubmitReport(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    revalidatePath(`/reports/${parsedInput.ticketId}`);
    return result;
  });
