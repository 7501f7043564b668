import { describe, expect, it } from "vitest";
import { ACCOUNT_FAILURES_BEFORE_DELAY, accountDelayMs, MAX_DELAY_MS } from "./sign-in-delay";

describe("per-account sign-in delay", () => {
  it("is free up to the threshold, then doubles from one second", () => {
    expect(accountDelayMs(1)).toBe(0);
    expect(accountDelayMs(ACCOUNT_FAILURES_BEFORE_DELAY)).toBe(0);
    expect(accountDelayMs(ACCOUNT_FAILURES_BEFORE_DELAY + 1)).toBe(1000);
    expect(accountDelayMs(ACCOUNT_FAILURES_BEFORE_DELAY + 2)).toBe(2000);
    expect(accountDelayMs(ACCOUNT_FAILURES_BEFORE_DELAY + 4)).toBe(8000);
  });
  it("is capped, never a block, however many failures", () => {
    expect(accountDelayMs(ACCOUNT_FAILURES_BEFORE_DELAY + 6)).toBe(MAX_DELAY_MS);
    expect(accountDelayMs(100_000)).toBe(MAX_DELAY_MS);
  });
});
