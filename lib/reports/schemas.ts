import { z } from "zod";
import { safeText, ZVersion } from "@/lib/validation/fields";

export const ZReviewReportInput = z.object({
  ticketId: z.uuid(),
  /** The report version the manager was reading: a decision on a stale one is a conflict. */
  version: ZVersion,
  decision: z.enum(["APPROVED", "RETURNED"]),
  comments: safeText(5000, "Keep it under 5,000 characters.").optional(),
});

export const ZResubmitReportInput = z.object({ ticketId: z.uuid() });
