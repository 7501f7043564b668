import { describe, expect, it } from "vitest";
import { delayBeforeRead, MAX_LATER_CHECKS, nextRecheckAt, VERIFY_BOUND_MS } from "./verification-schedule";

describe("when verification reads again", () => {
  it("reads often at first, where Graph's lag ends, and fits several reads into the bound", () => {
    expect(delayBeforeRead(0)).toBeLessThanOrEqual(500);
    let elapsed = 0;
    let reads = 0;
    for (let round = 0; elapsed < VERIFY_BOUND_MS; round++, reads++) elapsed += delayBeforeRead(round);
    expect(reads).toBeGreaterThanOrEqual(10);
    expect(delayBeforeRead(100)).toBe(delayBeforeRead(50)); // capped
  });
  it("re-checks an unconfirmed step later on a growing schedule, then stops", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    expect(nextRecheckAt(0, now)).toEqual(new Date("2026-11-24T10:01:00Z"));
    expect(nextRecheckAt(4, now)).toEqual(new Date("2026-11-24T10:30:00Z"));
    expect(nextRecheckAt(5, now)).toEqual(new Date("2026-11-24T11:00:00Z"));
    expect(nextRecheckAt(MAX_LATER_CHECKS, now)).toBeNull();
  });
});
