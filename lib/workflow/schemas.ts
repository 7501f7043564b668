import { z } from "zod";

export const ZTransitionInput = z.object({
  ticketId: z.uuid(),
  transition: z.enum(["triage", "resolve", "close", "reopen"]),
  version: z.number().int().positive(),
  note: z.string().trim().max(2000).optional(),
  /** Why a ticket is reopened: required for "reopen" (the service says so beside the field). */
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").optional(),
});

export const ZAssignInput = z.object({ ticketId: z.uuid(), assigneeId: z.uuid().nullable(), version: z.number().int().positive() });

export const ZOutcomeInput = z.object({
  ticketId: z.uuid(),
  version: z.number().int().positive(),
  outcomeSummary: z.string().trim().max(10_000, "Keep it under 10,000 characters."),
  lessonsLearned: z.string().trim().max(10_000, "Keep it under 10,000 characters."),
  closureReason: z.string().trim().max(500, "Keep it under 500 characters."),
});
