import { z } from "zod";
import { Severity } from "@/generated/prisma/enums";
import { IMPACT_CATEGORIES, IMPACT_LEVELS } from "./categories";

const categories = Object.keys(IMPACT_CATEGORIES) as [keyof typeof IMPACT_CATEGORIES, ...(keyof typeof IMPACT_CATEGORIES)[]];

export const ZSaveImpactInput = z.object({
  ticketId: z.uuid(),
  version: z.number().int().positive(),
  assessments: z.array(z.object({ category: z.enum(categories), level: z.enum(IMPACT_LEVELS), notes: z.string().trim().max(2000, "Keep notes under 2,000 characters.").optional() })).max(categories.length),
  personalDataInvolved: z.boolean(),
  notificationDeadline: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.date({ error: "Enter a valid date and time." }).optional()),
  overallSeverity: z.enum(Severity),
});
