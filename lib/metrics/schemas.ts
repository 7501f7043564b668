import { z } from "zod";

// The dashboard's period, from the query string. Days are UTC calendar days, both ends included.

const DAY = 86_400_000;
export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 731;

const isCalendarDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const ZDay = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter a date as YYYY-MM-DD.", abort: true })
    .refine(isCalendarDay, "That day does not exist.")
    .refine((s) => s >= "2000-01-01" && s <= "2999-12-31", "Choose a day from the year 2000 on.")
    .optional(),
);

/** The period's schema: missing ends default to the last 30 days up to today. */
export function periodQuerySchema(now: Date) {
  return z
    .object({ from: ZDay, to: ZDay })
    .transform((p) => {
      const toDay = p.to ?? now.toISOString().slice(0, 10);
      return { fromDay: p.from ?? new Date(Date.parse(toDay) - (DEFAULT_PERIOD_DAYS - 1) * DAY).toISOString().slice(0, 10), toDay };
    })
    .superRefine((p, ctx) => {
      if (p.fromDay > p.toDay) ctx.addIssue({ code: "custom", path: ["from"], message: "Start on or before the end date." });
      else if ((Date.parse(p.toDay) - Date.parse(p.fromDay)) / DAY + 1 > MAX_PERIOD_DAYS)
        ctx.addIssue({ code: "custom", path: ["from"], message: "Choose at most two years." });
    });
}

export type Period = { from: Date; to: Date; fromDay: string; toDay: string };
export type PeriodResult =
  { ok: true; period: Period } | { ok: false; errors: { from?: string[]; to?: string[] }; values: { from: string; to: string } };

/** The period asked for, or the field errors together with what was typed (to show it again). */
export function parsePeriod(params: { from?: string | null; to?: string | null }, now = new Date()): PeriodResult {
  const raw = { from: params.from ?? "", to: params.to ?? "" };
  const parsed = periodQuerySchema(now).safeParse(raw);
  if (!parsed.success)
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors as { from?: string[]; to?: string[] }, values: raw };
  const { fromDay, toDay } = parsed.data;
  return { ok: true, period: { from: new Date(`${fromDay}T00:00:00.000Z`), to: new Date(`${toDay}T23:59:59.999Z`), fromDay, toDay } };
}
