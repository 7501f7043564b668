import { z } from "zod";

export const ZReviewReportInput = z.object({
  ticketId: z.uuid(),
  /** The report version the manager was reading: a decision on a stale one is a conflict. */
  version: z.number().int().positive(),
  decision: z.enum(["APPROVED", "RETURNED"]),
  comments: z.string().trim().max(5000, "Keep it under 5,000 characters.").optional(),
});

export const ZResubmitReportInput = z.object({ ticketId: z.uuid() });
