import { describe, expect, it } from "vitest";
import { boundedInt, dateInRange, hasUnstorableText, PG_INT_MAX, safeText, UNSTORABLE_TEXT_MESSAGE, ZVersion } from "./fields";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe("shared field rules", () => {
  it("accepts any text PostgreSQL stores as typed, and refuses NUL and half an emoji", () => {
    const text = safeText(50, "Too long.");
    for (const ok of ["RTL \u202e override", "ZWJ 👩‍💻 emoji", "e\u0301 combining", "𝔘 four bytes", "tab\tand\nnewline"])
      expect(text.safeParse(ok).success).toBe(true);
    for (const bad of ["half \ud83d", "\udc69 low half", "nul \u0000"])
      expect(messages(text.safeParse(bad))).toEqual([UNSTORABLE_TEXT_MESSAGE]);
    expect(hasUnstorableText("👩")).toBe(false);
    expect(messages(text.safeParse("x".repeat(51)))).toEqual(["Too long."]);
    expect(messages(safeText(10, "Too long.", { min: 1, required: "Enter it." }).safeParse("   "))).toEqual(["Enter it."]);
  });

  it("keeps whole numbers within PostgreSQL's integer, with one message", () => {
    const n = boundedInt(0, 10_000, "Enter a whole number from 0 to 10,000.");
    for (const bad of [-1, 10_001, 1.5, Number.NaN, Infinity, 2 ** 53, "7"])
      expect(messages(n.safeParse(bad))).toEqual(["Enter a whole number from 0 to 10,000."]);
    expect(n.parse(10_000)).toBe(10_000);
    expect(ZVersion.safeParse(PG_INT_MAX).success).toBe(true);
    expect(ZVersion.safeParse(PG_INT_MAX + 1).success).toBe(false);
    expect(ZVersion.safeParse(2 ** 40).success).toBe(false);
  });

  it("keeps dates between 2000 and the field's horizon", () => {
    const date = dateInRange(365, { invalid: "Enter a valid date.", tooLate: "Too far ahead." });
    expect(messages(date.safeParse("0001-01-01T00:00:00Z"))).toEqual(["Enter a date from the year 2000 on."]);
    expect(messages(date.safeParse("1999-12-31T23:59:59Z"))).toEqual(["Enter a date from the year 2000 on."]);
    expect(messages(date.safeParse("+275760-09-13T00:00:00Z"))).toEqual(["Too far ahead."]);
    expect(messages(date.safeParse(new Date(Date.now() + 400 * 86_400_000)))).toEqual(["Too far ahead."]);
    expect(messages(date.safeParse("not a date"))).toEqual(["Enter a valid date."]);
    expect(date.safeParse("2026-11-24T08:00:00Z").success).toBe(true);
    const past = dateInRange(0, { invalid: "Enter a valid date.", tooLate: "Not in the future." });
    expect(messages(past.safeParse(new Date(Date.now() + 3_600_000)))).toEqual(["Not in the future."]);
    expect(past.safeParse(new Date(Date.now() + 60_000)).success).toBe(true); // clock skew
  });
});
