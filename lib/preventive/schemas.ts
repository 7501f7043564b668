import { z } from "zod";
import { dateInRange, safeText } from "@/lib/validation/fields";

export const PREVENTIVE_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"] as const;
export type PreventiveStatus = (typeof PREVENTIVE_STATUSES)[number];

export const PREVENTIVE_STATUS_LABELS: Record<PreventiveStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  WONT_DO: "Won't do",
};

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

const title = safeText(200, "Keep the title under 200 characters.", { min: 1, required: "Describe the measure." });
const owner = (wrap: typeof blankToUndefined) => z.preprocess(wrap, safeText(120, "Keep the owner under 120 characters.").nullish());
const dueAt = (wrap: typeof blankToUndefined) =>
  z.preprocess(
    wrap,
    dateInRange(5 * 365, {
      invalid: "Enter a valid due date.",
      tooEarly: "Enter a realistic due date.",
      tooLate: "Enter a due date within five years.",
    }).nullish(),
  );
const notes = (wrap: typeof blankToUndefined) => z.preprocess(wrap, safeText(2000, "Keep notes under 2,000 characters.").nullish());

export const ZAddPreventiveItemInput = z.object({
  ticketId: z.uuid(),
  title,
  owner: owner(blankToUndefined),
  dueAt: dueAt(blankToUndefined),
  notes: notes(blankToUndefined),
});
export type TAddPreventiveItemInput = z.input<typeof ZAddPreventiveItemInput>;
export type TAddPreventiveItem = z.output<typeof ZAddPreventiveItemInput>;

/** Saves the whole row; `updatedAt` is the version the engineer saw (optimistic locking). */
export const ZUpdatePreventiveItemInput = z.object({
  itemId: z.uuid(),
  updatedAt: z.iso.datetime({ offset: true }),
  title,
  owner: owner(blankToNull),
  status: z.enum(PREVENTIVE_STATUSES, { error: "Choose a status." }),
  dueAt: dueAt(blankToNull),
  notes: notes(blankToNull),
});
export type TUpdatePreventiveItemInput = z.input<typeof ZUpdatePreventiveItemInput>;
export type TUpdatePreventiveItem = z.output<typeof ZUpdatePreventiveItemInput>;

export const ZCheckMfaCoverageInput = z.object({ ticketId: z.uuid() });
export type TCheckMfaCoverageInput = z.input<typeof ZCheckMfaCoverageInput>;
