import { z } from "zod";

// Shared field rules, so bad input gets a field error instead of reaching the database (and
// failing there with a generic error): text PostgreSQL can store as typed, whole numbers that
// fit its integer columns, dates within a range that makes sense for the field. Pure.

/** A UTF-16 surrogate without its pair: PostgreSQL cannot store it (jsonb refuses it, text alters it). */
const LONE_SURROGATE = /\p{Surrogate}/u;

export const UNSTORABLE_TEXT_MESSAGE =
  "This text contains a broken character (half of an emoji or a NUL) that cannot be stored. Remove it and try again.";

/** True when PostgreSQL would refuse or alter the text. */
export function hasUnstorableText(value: string): boolean {
  return value.includes("\u0000") || LONE_SURROGATE.test(value);
}

/** Trimmed text of at most `max` characters (and at least `min`, with its own message). */
export function safeText(max: number, tooLong: string, options: { min?: number; required?: string } = {}) {
  const base = z.string().trim();
  const sized = options.min ? base.min(options.min, options.required) : base;
  return sized.max(max, tooLong).refine((v) => !hasUnstorableText(v), UNSTORABLE_TEXT_MESSAGE);
}

/** PostgreSQL's integer column. */
export const PG_INT_MAX = 2_147_483_647;

/** A whole number from `min` to `max` (bounded by PostgreSQL's integer), one message for anything else. */
export function boundedInt(min: number, max: number, message: string) {
  const once = { error: message, abort: true };
  return z.number({ error: message }).int(once).min(min, once).max(Math.min(max, PG_INT_MAX), once);
}

/** The version a form read (optimistic locking): any positive integer the column can hold. */
export const ZVersion = boundedInt(1, PG_INT_MAX, "Reload the page: the form's version is not valid.");

/** The earliest date any field accepts: nothing the app records happened before it. */
export const EARLIEST_DATE = new Date("2000-01-01T00:00:00Z");
const DAY_MS = 86_400_000;

/**
 * A date and time (a Date or a string), between 2000-01-01 and `maxDaysAhead` days from now
 * (0: not in the future, give or take five minutes of clock skew).
 */
export function dateInRange(maxDaysAhead: number, messages: { invalid: string; tooEarly?: string; tooLate: string }) {
  return z.coerce
    .date({ error: messages.invalid })
    .refine((d) => d.getTime() >= EARLIEST_DATE.getTime(), messages.tooEarly ?? "Enter a date from the year 2000 on.")
    .refine((d) => d.getTime() <= Date.now() + Math.max(maxDaysAhead * DAY_MS, 5 * 60_000), messages.tooLate);
}
