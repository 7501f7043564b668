import { describe, expect, it } from "vitest";
import { isSessionTooOld, nowInSeconds } from "./session-age";

const HOUR = 3_600_000;
const now = Date.UTC(2025, 0, 15, 12);

describe("hard session limit", () => {
  it("accepts a session younger than the limit and refuses an older one", () => {
    expect(isSessionTooOld(nowInSeconds(now - 7.9 * HOUR), 8, now)).toBe(false);
    expect(isSessionTooOld(nowInSeconds(now - 8 * HOUR - 1000), 8, now)).toBe(true);
    expect(isSessionTooOld(nowInSeconds(now - 11 * HOUR), 12, now)).toBe(false);
  });
  it("refuses a token without a sign-in time (issued before the limit existed) or from the future", () => {
    expect(isSessionTooOld(undefined, 8, now)).toBe(true);
    expect(isSessionTooOld("1700000000", 8, now)).toBe(true);
    expect(isSessionTooOld(nowInSeconds(now + 5 * 60_000), 8, now)).toBe(true);
  });
});
