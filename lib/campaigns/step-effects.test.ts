import { describe, expect, it } from "vitest";
import type { AccountState } from "@/lib/graph/account-changes";
import { writeShows } from "./step-effects";

const sent = new Date("2026-12-03T10:00:00Z");
const state = (s: Partial<AccountState>): AccountState => ({
  accountEnabled: true,
  signInSessionsValidFrom: null,
  lastPasswordChange: null,
  perUserMfaState: "disabled",
  passwordResets: null,
  ...s,
});

describe("writeShows", () => {
  it("reads block and MFA from the account's state", () => {
    expect(writeShows("block-sign-in", state({ accountEnabled: false }), sent)).toBe(true);
    expect(writeShows("block-sign-in", state({ accountEnabled: null }), sent)).toBe(false);
    expect(writeShows("enforce-mfa", state({ perUserMfaState: "enforced" }), sent)).toBe(true);
  });

  it("needs a revoke or reset from after the send (within clock skew)", () => {
    expect(writeShows("revoke-sessions", state({ signInSessionsValidFrom: new Date("2026-12-03T09:59:30Z") }), sent)).toBe(true);
    expect(writeShows("revoke-sessions", state({ signInSessionsValidFrom: new Date("2026-12-01T00:00:00Z") }), sent)).toBe(false);
    expect(writeShows("reset-password", state({ passwordResets: [new Date("2026-12-03T10:00:01Z")] }), sent)).toBe(true);
    expect(writeShows("reset-password", state({ lastPasswordChange: new Date("2026-11-01T00:00:00Z") }), sent)).toBe(false);
  });
});
