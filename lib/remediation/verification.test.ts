import { describe, expect, it } from "vitest";
import { verifyStep } from "./verification";

const started = new Date("2026-11-24T10:00:00Z");
const state = { accountEnabled: false, signInSessionsValidFrom: new Date("2026-11-24T10:00:01Z"), perUserMfaState: "enforced" };

describe("containment verification", () => {
  it("confirms each step from the state read back", () => {
    expect(verifyStep("block-sign-in", state, started).verified).toBe(true);
    expect(verifyStep("revoke-sessions", state, started).verified).toBe(true);
    expect(verifyStep("enforce-mfa", state, started).verified).toBe(true);
  });
  it("refuses what the state contradicts", () => {
    expect(verifyStep("block-sign-in", { ...state, accountEnabled: true }, started)).toMatchObject({
      verified: false,
      observed: "Sign-in is still allowed",
    });
    expect(verifyStep("revoke-sessions", { ...state, signInSessionsValidFrom: new Date("2026-11-20T00:00:00Z") }, started).verified).toBe(
      false,
    );
    expect(verifyStep("enforce-mfa", { ...state, perUserMfaState: "enabled" }, started).verified).toBe(false);
  });
  it("says when it cannot tell, never guessing", () => {
    expect(verifyStep("block-sign-in", { ...state, accountEnabled: null }, started).verified).toBeNull();
    expect(verifyStep("reset-password", state, started).verified).toBeNull();
    expect(verifyStep("reset-password", { ...state, passwordResets: null }, started).verified).toBeNull();
    // An older reset (another run, before this one) is not this run's evidence.
    expect(verifyStep("reset-password", { ...state, passwordResets: [new Date("2026-11-24T09:50:00Z")] }, started)).toMatchObject({
      verified: null,
      observed: expect.stringContaining("shows the reset yet"),
    });
  });
  it("never takes an earlier run's reset for this one's", () => {
    const audits = [new Date("2026-11-24T10:00:02Z")];
    expect(
      verifyStep("reset-password", { ...state, passwordResets: audits, previousResetAt: new Date("2026-11-24T09:59:58Z") }, started)
        .verified,
    ).toBeNull();
    expect(
      verifyStep("reset-password", { ...state, passwordResets: audits, previousResetAt: new Date("2026-11-24T09:30:00Z") }, started)
        .verified,
    ).toBe(true);
  });
  it("confirms a password reset from the account's last password change first, never from an earlier run's", () => {
    expect(verifyStep("reset-password", { ...state, lastPasswordChange: new Date("2026-11-24T10:00:01Z") }, started)).toEqual({
      verified: true,
      observed: "The account's password last changed at 10:00:01 UTC, after this reset was sent",
    });
    expect(
      verifyStep("reset-password", { ...state, lastPasswordChange: new Date("2026-11-20T08:00:00Z"), passwordResets: [] }, started)
        .verified,
    ).toBeNull();
    // An earlier run finished at 09:59:58: a change at 09:59:57 is that run's, one at 10:00:00 this one's.
    const previousResetAt = new Date("2026-11-24T09:59:58Z");
    expect(
      verifyStep("reset-password", { ...state, lastPasswordChange: new Date("2026-11-24T09:59:57Z"), previousResetAt }, started).verified,
    ).toBeNull();
    expect(
      verifyStep("reset-password", { ...state, lastPasswordChange: new Date("2026-11-24T10:00:00Z"), previousResetAt }, started).verified,
    ).toBe(true);
  });
  it("confirms a password reset from the directory audit", () => {
    expect(verifyStep("reset-password", { ...state, passwordResets: [new Date("2026-11-24T10:00:02Z")] }, started)).toEqual({
      verified: true,
      observed: "The directory audit shows the password reset at 10:00:02 UTC",
    });
  });
});
