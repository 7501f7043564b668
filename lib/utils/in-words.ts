// Stored values put into words for people: an unknown value is never shown raw ("someNewState" → "some new state").

/** "confirmedCompromised" → "confirmed compromised", "WAITING_APPROVAL" → "waiting approval". */
export function inWords(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .trim()
    .toLowerCase();
}
