import { z } from "zod";
import { NOTIFICATION_KINDS } from "./kinds";

export const ZMarkReadInput = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(100) }),
  z.object({ ticketId: z.uuid() }),
  z.object({ all: z.literal(true) }),
]);

export const ZPreferencesInput = z.object({
  prefs: z
    .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() }))
    .min(1)
    .max(NOTIFICATION_KINDS.length),
});
