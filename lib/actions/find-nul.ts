import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/fields";

// PostgreSQL text cannot hold U+0000 nor half of a UTF-16 surrogate pair (jsonb refuses it, text
// turns it into U+FFFD), so a string carrying one would fail in the database with an unhelpful
// error, or be stored other than typed. Every action's raw input is searched first
// (lib/actions/client.ts), so also the actions whose schemas do not check their text yet.

export const NUL_MESSAGE = "This text contains a NUL character (U+0000), which cannot be stored. Remove it and try again.";

const MAX_DEPTH = 32;

/** The path of the first string (or key) that cannot be stored, or null. [] means the input itself. */
export function findNul(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === "string") return hasUnstorableText(value) ? path : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return null;
  if (value instanceof FormData) {
    for (const [key, entry] of value.entries()) {
      if (hasUnstorableText(key)) return path;
      if (typeof entry === "string" && hasUnstorableText(entry)) return [...path, key];
    }
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (hasUnstorableText(key)) return path;
    const found = findNul(entry, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The string at a path found by findNul (for its message). */
function at(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (v, k) =>
      v instanceof FormData ? v.get(String(k)) : v && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined,
    value,
  );
}

/** Validation errors (next-safe-action's formatted shape) naming the top-level field that holds the text. */
export function nulValidationErrors(path: (string | number)[], input?: unknown): Record<string, unknown> {
  const found = input === undefined ? undefined : at(input, path);
  const message = typeof found === "string" && !found.includes("\u0000") ? UNSTORABLE_TEXT_MESSAGE : NUL_MESSAGE;
  const field = path[0];
  return field === undefined ? { _errors: [message] } : { [String(field)]: { _errors: [message] } };
}
