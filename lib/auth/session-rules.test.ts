import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { isTouchDue, sessionEndMessage, sessionEndReason, type SessionState } from "./session-rules";

const NOW = new Date("2026-12-01T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const limits = { idleMinutes: 30, maxAgeHours: 8 };
const live: SessionState = { createdAt: ago(60 * MIN), lastSeenAt: ago(MIN), revokedAt: null, revokedReason: null, userIsActive: true };

describe("session end rules", () => {
  it("keeps a session used within the idle window and the absolute limit", () => {
    expect(sessionEndReason(live, limits, NOW)).toBeNull();
    expect(sessionEndReason({ ...live, lastSeenAt: ago(30 * MIN) }, limits, NOW)).toBeNull();
  });
  it("ends a session idle for longer than SESSION_IDLE_MINUTES", () => {
    expect(sessionEndReason({ ...live, lastSeenAt: ago(30 * MIN + 1000) }, limits, NOW)).toBe("idle");
    expect(sessionEndReason({ ...live, lastSeenAt: ago(10 * MIN) }, { ...limits, idleMinutes: 5 }, NOW)).toBe("idle");
  });
  it("ends a session past the absolute limit however recently it was used", () => {
    expect(sessionEndReason({ ...live, createdAt: ago(8 * 60 * MIN + 1000), lastSeenAt: NOW }, limits, NOW)).toBe("expired");
  });
  it("names the revocation, and a deactivated user outranks everything", () => {
    expect(sessionEndReason({ ...live, revokedAt: ago(MIN), revokedReason: "SIGNED_OUT" }, limits, NOW)).toBe("signed-out");
    expect(sessionEndReason({ ...live, revokedAt: ago(MIN), revokedReason: "ROLE_CHANGED" }, limits, NOW)).toBe("role-changed");
    // Revoked by a deactivation, then the user was reactivated: still over.
    expect(sessionEndReason({ ...live, revokedAt: ago(MIN), revokedReason: "DEACTIVATED" }, limits, NOW)).toBe("revoked");
    expect(sessionEndReason({ ...live, userIsActive: false, revokedAt: ago(MIN), revokedReason: "DEACTIVATED" }, limits, NOW)).toBe(
      "deactivated",
    );
    expect(sessionEndReason(null, limits, NOW)).toBe("missing");
  });
  it("refreshes lastSeenAt at most once a minute", () => {
    expect(isTouchDue(ago(59_999), NOW)).toBe(false);
    expect(isTouchDue(ago(MIN), NOW)).toBe(true);
  });
  it("tells the user why, except after their own sign-out", () => {
    expect(sessionEndMessage("deactivated")).toMatch(/Your account was deactivated/);
    expect(sessionEndMessage("idle")).toBe("Your session has ended. Please sign in again.");
    expect(sessionEndMessage("signed-out")).toBeUndefined();
    expect(sessionEndMessage(null)).toBeUndefined();
  });
  it("validates SESSION_IDLE_MINUTES (default 30)", () => {
    expect(parseEnv({ BREACHDESK_DEMO: "1" }).SESSION_IDLE_MINUTES).toBe(30);
    expect(parseEnv({ BREACHDESK_DEMO: "1", SESSION_IDLE_MINUTES: "15" }).SESSION_IDLE_MINUTES).toBe(15);
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", SESSION_IDLE_MINUTES: "0" })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", SESSION_IDLE_MINUTES: "soon" })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
