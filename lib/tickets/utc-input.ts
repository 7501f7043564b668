// A datetime-local input carries no time zone. The app shows every time in UTC (lib/utils/dates.ts),
// so each such input is filled from and read back as UTC, never in the browser's own zone.

/** "2026-11-27T08:00" for a date, as a datetime-local input's value in UTC; "" for none. */
export function toUtcInputValue(date: Date | string | null | undefined): string {
  if (!date) return "";
  const d = typeof date === "string" ? new Date(date) : date;
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 16);
}

/**
 * The input's value as an ISO string in UTC ("" stays "", for the schema's "not set"). A value
 * that is not a date is passed on unchanged so the server's schema reports it beside the field.
 */
export function fromUtcInputValue(value: string): string {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v)) return v;
  return `${v.length === 16 ? `${v}:00` : v}Z`;
}
