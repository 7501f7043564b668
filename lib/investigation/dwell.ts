// Dwell time, defined once for the report and the dashboard: from the first SUCCESSFUL flagged
// (suspicious) sign-in to containment. A failed attempt did not let the attacker in, so it does
// not start the clock; the report still names an earlier failed attempt beside it.

export const DWELL_TIME_DEFINITION = "from the first successful suspicious sign-in to containment";

type Flagged = { at: Date; succeeded: boolean };

/** The first successful flagged sign-in, and the first flagged attempt of any kind. */
export function firstSuspiciousSignIn(flagged: Flagged[]): { firstSuccessful: Date | null; firstAttempt: Date | null } {
  const earliest = (rows: Flagged[]) => (rows.length ? new Date(Math.min(...rows.map((r) => r.at.getTime()))) : null);
  return { firstSuccessful: earliest(flagged.filter((f) => f.succeeded)), firstAttempt: earliest(flagged) };
}

/** Hours of dwell time, or null when either end is unknown (or containment came first). */
export function dwellHours(firstSuccessfulAt: Date | null, containedAt: Date | null): number | null {
  if (!firstSuccessfulAt || !containedAt || containedAt < firstSuccessfulAt) return null;
  return (containedAt.getTime() - firstSuccessfulAt.getTime()) / 3_600_000;
}
