// PostgreSQL text cannot hold U+0000, so a string carrying one would fail in the database with an
// unhelpful error. Every action's raw input is searched first (lib/actions/client.ts).

export const NUL_MESSAGE = "This text contains a NUL character (U+0000), which cannot be stored. Remove it and try again.";

const MAX_DEPTH = 32;

/** The path of the first string (or key) holding a NUL, or null. [] means the input itself. */
export function findNul(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return null;
  if (value instanceof FormData) {
    for (const [key, entry] of value.entries()) {
      if (key.includes("\u0000")) return path;
      if (typeof entry === "string" && entry.includes("\u0000")) return [...path, key];
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
    if (key.includes("\u0000")) return path;
    const found = findNul(entry, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Validation errors (next-safe-action's formatted shape) naming the top-level field that holds the NUL. */
export function nulValidationErrors(path: (string | number)[]): Record<string, unknown> {
  const field = path[0];
  return field === undefined ? { _errors: [NUL_MESSAGE] } : { [String(field)]: { _errors: [NUL_MESSAGE] } };
}
