import { z } from "zod";
import { dateInRange, safeText, ZVersion } from "@/lib/validation/fields";
import { Severity } from "@/generated/prisma/enums";
import { IMPACT_CATEGORIES, IMPACT_LEVELS } from "./categories";

const categories = Object.keys(IMPACT_CATEGORIES) as [keyof typeof IMPACT_CATEGORIES, ...(keyof typeof IMPACT_CATEGORIES)[]];

export const ZSaveImpactInput = z.object({
  ticketId: z.uuid(),
  version: ZVersion,
  assessments: z
    .array(
      z.object({
        category: z.enum(categories),
        level: z.enum(IMPACT_LEVELS),
        notes: safeText(2000, "Keep notes under 2,000 characters.").optional(),
      }),
    )
    .max(categories.length),
  personalDataInvolved: z.boolean(),
  notificationDeadline: z.preprocess(
    (v) => (v === "" ? undefined : v),
    dateInRange(365, { invalid: "Enter a valid date and time.", tooLate: "Enter a deadline within the next year." }).optional(),
  ),
  overallSeverity: z.enum(Severity),
});
