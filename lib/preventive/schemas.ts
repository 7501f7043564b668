import { z } from "zod";

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

const title = z.string().trim().min(1, "Describe the measure.").max(200, "Keep the title under 200 characters.");
const owner = (wrap: typeof blankToUndefined) =>
  z.preprocess(wrap, z.string().trim().max(120, "Keep the owner under 120 characters.").nullish());
const dueAt = (wrap: typeof blankToUndefined) =>
  z.preprocess(
    wrap,
    z.coerce
      .date({ error: "Enter a valid due date." })
      .refine((d) => d.getFullYear() >= 2000 && d.getFullYear() <= 2100, "Enter a realistic due date.")
      .nullish(),
  );
const notes = (wrap: typeof blankToUndefined) =>
  z.preprocess(wrap, z.string().trim().max(2000, "Keep notes under 2,000 characters.").nullish());

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
