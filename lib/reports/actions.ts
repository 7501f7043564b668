"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { resubmitReport, reviewReport } from "./review";
import { ZResubmitReportInput, ZReviewReportInput } from "./schemas";

export const reviewReportAction = actionClient
  .metadata({ name: "reviewReport", permission: "reports.review" })
  .inputSchema(ZReviewReportInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => reviewReport(db, viewer, parsedInput));
    revalidatePath("/reviews");
    revalidatePath(`/reports/${parsedInput.ticketId}`);
  });

export const resubmitReportAction = actionClient
  .metadata({ name: "resubmitReport", permission: "tickets.work" })
  .inputSchema(ZResubmitReportInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await resubmitReport(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    revalidatePath(`/reports/${parsedInput.ticketId}`);
    return result;
  });
