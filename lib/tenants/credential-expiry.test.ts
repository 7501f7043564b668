import { describe, expect, it } from "vitest";
import { expiryOf, worstExpiry } from "./credential-expiry";

const now = new Date("2027-01-01T00:00:00Z");
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);

describe("credential expiry", () => {
  it("warns 30 days ahead, and says expired from the day it is", () => {
    expect(expiryOf(inDays(90), now)).toEqual({ state: "ok", daysLeft: 90 });
    expect(expiryOf(inDays(29), now)).toEqual({ state: "expiring", daysLeft: 29 });
    expect(expiryOf(inDays(0), now).state).toBe("expired");
    expect(expiryOf(inDays(-3), now)).toEqual({ state: "expired", daysLeft: -3 });
    expect(expiryOf(null, now)).toEqual({ state: "unknown", daysLeft: null });
  });
  it("an expired current credential is a warning, not an outage, while the next one is valid", () => {
    expect(worstExpiry([{ expiresAt: inDays(-1) }], now)).toBe("expired");
    expect(worstExpiry([{ expiresAt: inDays(-1) }, { expiresAt: inDays(300) }], now)).toBe("expiring");
    expect(worstExpiry([{ expiresAt: inDays(10) }, { expiresAt: inDays(300) }], now)).toBe("expiring");
    expect(worstExpiry([{ expiresAt: inDays(100) }, { expiresAt: null }], now)).toBe("ok");
  });
});
