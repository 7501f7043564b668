import { beforeAll, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
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

describe("next-auth's jwt callback", () => {
  let jwt: (params: { token: JWT }) => Promise<JWT>;
  beforeAll(async () => {
    vi.stubEnv("BREACHDESK_DEMO", "1");
    vi.stubEnv("SESSION_MAX_AGE_HOURS", "8");
    const { buildAuthOptions } = await import("./options");
    jwt = buildAuthOptions().callbacks!.jwt as never;
  });

  it("keeps a fresh session's identity when the token is renewed, and drops a stale one's", async () => {
    const identity = { uid: "u1", role: "ENGINEER" as const, tenantId: null };
    const fresh = await jwt({ token: { ...identity, signedInAt: nowInSeconds() - 3600 } });
    expect(fresh).toMatchObject(identity);
    const stale = await jwt({ token: { ...identity, signedInAt: nowInSeconds() - 9 * 3600 } });
    expect(stale.uid).toBeUndefined();
    expect(stale.role).toBeUndefined();
  });
});
