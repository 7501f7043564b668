import { z } from "zod";
import { JOB_STATES } from "./job-view";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The admin page's URL: ?state=&kind=&before=<createdAt ISO>_<id> (the last row of the previous page). */
export const ZJobListQuery = z.object({
  state: z.preprocess(blankToUndefined, z.enum(JOB_STATES).optional()).catch(undefined),
  kind: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .max(100)
        .regex(/^[a-z0-9.-]+$/)
        .optional(),
    )
    .catch(undefined),
  before: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_[0-9a-f-]{36}$/)
        .optional(),
    )
    .catch(undefined)
    .transform((v) => (v ? { createdAt: new Date(v.slice(0, v.indexOf("_"))), id: v.slice(v.indexOf("_") + 1) } : undefined)),
});

export type TJobListQuery = z.output<typeof ZJobListQuery>;

export function encodeJobCursor(cursor: { createdAt: Date; id: string }): string {
  return `${cursor.createdAt.toISOString()}_${cursor.id}`;
}

export const ZJobIdInput = z.object({ jobId: z.uuid() });
