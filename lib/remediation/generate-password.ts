import { randomInt } from "node:crypto";

// A strong temporary password: shown once to the engineer, never stored or logged. Every class
// present, unambiguous characters only (it gets read out over the phone).
const CLASSES = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "!@#$%*-_=+?"];

export function generateTemporaryPassword(length = 20): string {
  const all = CLASSES.join("");
  const chars = CLASSES.map((c) => c[randomInt(c.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

/** Shown with a password whose reset Graph did not confirm (timeout): it may be the one in force. */
export const UNCONFIRMED_PASSWORD_NOTE =
  "Graph did not confirm this reset in time, so this password may now be in force. Keep it until the step is verified; running the step again sets a new one.";
