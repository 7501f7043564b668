// The message trace window. Graph answers at most 10 days per query and nothing older than 90
// days, so a longer window is split into consecutive queries instead of being refused.

const DAY_MS = 86_400_000;
export const DEFAULT_LOOKBACK_DAYS = 7;
export const MAX_QUERY_DAYS = 10;
export const MAX_LOOKBACK_DAYS = 90;

export type TraceWindow = { start: Date; end: Date };

/** Default: a week before detection (the attacker was often in earlier) up to now. */
export function defaultTraceWindow(detectedAt: Date, now = new Date()): TraceWindow {
  const oldest = now.getTime() - MAX_LOOKBACK_DAYS * DAY_MS + 60_000;
  const start = new Date(Math.max(detectedAt.getTime() - DEFAULT_LOOKBACK_DAYS * DAY_MS, oldest));
  return { start, end: now };
}

export type WindowProblem = { field: "startDate" | "endDate"; message: string };

/** Why Graph would refuse this window, tied to the form field to fix; null when it is fine. */
export function checkTraceWindow({ start, end }: TraceWindow, now = new Date()): WindowProblem | null {
  if (end.getTime() > now.getTime() + 5 * 60_000) return { field: "endDate", message: "The end cannot be in the future." };
  if (start.getTime() >= end.getTime()) return { field: "startDate", message: "The start must be before the end." };
  // A few minutes' margin: a start exactly 90 days back is already older when Graph receives it.
  if (start.getTime() < now.getTime() - MAX_LOOKBACK_DAYS * DAY_MS + 5 * 60_000) {
    return { field: "startDate", message: `Message trace keeps ${MAX_LOOKBACK_DAYS} days; choose a later start.` };
  }
  return null;
}

/** Consecutive windows of at most maxDays covering [start, end]; the end is clamped to now. */
export function splitTraceWindow({ start, end }: TraceWindow, now = new Date(), maxDays = MAX_QUERY_DAYS): TraceWindow[] {
  const last = Math.min(end.getTime(), now.getTime());
  const parts: TraceWindow[] = [];
  for (let from = start.getTime(); from < last; from += maxDays * DAY_MS) {
    parts.push({ start: new Date(from), end: new Date(Math.min(from + maxDays * DAY_MS, last)) });
  }
  return parts;
}
