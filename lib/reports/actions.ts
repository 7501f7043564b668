"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { resubmitReport, reviewReport } from "./review";

export const reviewReportAction = actionClient
  .metadata({ name: "reviewReport" })
  .inputSchema(z.object({ ticketId: z.uuid(), decision: z.enum(["APPROVED", "RETURNED"]), comments: z.string().trim().max(5000).optional() }))
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("reports.review");
    const db = await getDb();
    await withFieldErrors(() => reviewReport(db, viewer, parsedInput));
    revalidatePath("/reviews");
    revalidatePath(`/reports/${parsedInput.ticketId}`);
  });

export const resubmitReportAction = actionClient
  .metadata({ name: "resubmitReport" })
  .inputSchema(z.object({ ticketId: z.uuid() }))
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    await resubmitReport(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
  });
