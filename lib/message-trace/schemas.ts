import { z } from "zod";
import { TRACE_STATUSES } from "./statuses";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalDate = (label: string) =>
  z.preprocess(blankToUndefined, z.coerce.date({ error: `Enter a valid ${label} (UTC).` }).optional());

/** Runs (or refreshes) the trace; blank bounds mean the default window (detected − 7 days → now). */
export const ZRunMessageTraceInput = z.object({
  ticketId: z.uuid(),
  startDate: optionalDate("start"),
  endDate: optionalDate("end"),
});

export type TRunMessageTraceInput = z.input<typeof ZRunMessageTraceInput>;
export type TRunMessageTrace = z.output<typeof ZRunMessageTraceInput>;

/** The trace table's filters; unknown values are dropped, not errors. */
export const ZTraceFilter = z.object({
  status: z.enum(TRACE_STATUSES).optional().catch(undefined),
  domain: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(253).optional()).catch(undefined),
});

export type TTraceFilter = z.output<typeof ZTraceFilter>;
