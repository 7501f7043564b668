// Due dates are days, not instants: shown and edited as the UTC calendar date.
const day = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", year: "numeric", month: "short", day: "2-digit" });

export function formatDueDate(d: Date): string {
  return day.format(d);
}

/** The value of an <input type="date"> for a stored due date. */
export function toDateInput(d: Date | null): string {
  return d ? d.toISOString().slice(0, 10) : "";
}
