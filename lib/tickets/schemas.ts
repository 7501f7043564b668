import { z } from "zod";
import { Severity, TicketStatus } from "@/generated/prisma/enums";
import { SYMPTOM_KEYS } from "./symptoms";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Clock skew allowed between the reporter's browser and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const ZCreateTicketInput = z
  .object({
    affectedUpn: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter the affected account, e.g. megan@contoso.example.")
      .pipe(z.email("Enter the account's sign-in name (UPN), e.g. megan@contoso.example.").max(320)),
    title: z.preprocess(blankToUndefined, z.string().trim().max(200, "Keep the title under 200 characters.").optional()),
    symptoms: z.array(z.enum(SYMPTOM_KEYS)).max(SYMPTOM_KEYS.length).default([]),
    symptomsNote: z.preprocess(
      blankToUndefined,
      z.string().trim().max(4000, "Keep the description under 4,000 characters.").optional(),
    ),
    detectedAt: z.coerce
      .date({ error: "Enter when the problem was detected." })
      .refine((d) => d.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, "The detection time cannot be in the future.")
      .refine((d) => d.getFullYear() >= 2000, "Enter a realistic detection time."),
    severity: z.enum(Severity, { error: "Choose a severity." }),
    /** Only platform admins file for a tenant other than their own. */
    tenantId: z.preprocess(blankToUndefined, z.uuid().optional()),
  })
  .refine((v) => v.symptoms.length > 0 || Boolean(v.symptomsNote), {
    path: ["symptoms"],
    message: "Tick at least one thing you observed, or describe it below.",
  });

export type TCreateTicketInput = z.input<typeof ZCreateTicketInput>;
export type TCreateTicket = z.output<typeof ZCreateTicketInput>;

export const ZAddCommentInput = z.object({
  ticketId: z.uuid(),
  body: z.string().trim().min(1, "Write a comment first.").max(10_000, "Keep comments under 10,000 characters."),
  visibility: z.enum(["PUBLIC", "INTERNAL"]),
});

export type TAddCommentInput = z.input<typeof ZAddCommentInput>;

export const QUEUE_PAGE_SIZE = 50;

/** The queue's filters, read from the URL's search params. Unknown values are dropped, not errors. */
export const ZTicketListQuery = z.object({
  status: z.enum(TicketStatus).optional().catch(undefined),
  severity: z.enum(Severity).optional().catch(undefined),
  tenantId: z.uuid().optional().catch(undefined),
  assignee: z.union([z.literal("me"), z.literal("unassigned"), z.uuid()]).optional().catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).catch(undefined),
  /** Keyset cursor: show tickets numbered below this one. */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type TTicketListQuery = z.output<typeof ZTicketListQuery>;

export const ZUpdateIntakeInput = z.object({
  ticketId: z.uuid(),
  version: z.number().int().positive(),
  title: z.string().trim().min(1, "Enter a title.").max(200, "Keep the title under 200 characters."),
  symptoms: z.array(z.enum(SYMPTOM_KEYS)).max(SYMPTOM_KEYS.length),
  symptomsNote: z.string().trim().max(4000, "Keep the description under 4,000 characters."),
  detectedAt: z.coerce.date({ error: "Enter when the problem was detected." }).refine((d) => d.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, "The detection time cannot be in the future."),
});
