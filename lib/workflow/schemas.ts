import { z } from "zod";
import { safeText, ZVersion } from "@/lib/validation/fields";

export const ZTransitionInput = z.object({
  ticketId: z.uuid(),
  transition: z.enum(["triage", "resolve", "close", "reopen"]),
  version: ZVersion,
  note: safeText(2000, "Keep the note under 2,000 characters.").optional(),
  /** Why a ticket is reopened: required for "reopen" (the service says so beside the field). */
  reason: safeText(2000, "Keep the reason under 2,000 characters.").optional(),
});

export const ZAssignInput = z.object({ ticketId: z.uuid(), assigneeId: z.uuid().nullable(), version: ZVersion });

export const ZOutcomeInput = z.object({
  ticketId: z.uuid(),
  version: ZVersion,
  outcomeSummary: safeText(10_000, "Keep it under 10,000 characters."),
  lessonsLearned: safeText(10_000, "Keep it under 10,000 characters."),
  closureReason: safeText(500, "Keep it under 500 characters."),
});
