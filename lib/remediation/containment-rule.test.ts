import { describe, expect, it } from "vitest";
import { containmentReason, containmentVerdict } from "./containment-rule";

const done = (key: string) => ({ key, state: "DONE", reason: null });
const skipped = (
  key: string,
  reason: string | null = "The app lacks User.RevokeSessions.All; sessions revoked in the Entra admin center",
) => ({ key, state: "SKIPPED", reason });

describe("when an account counts as contained", () => {
  it("needs all four steps verified done, or set aside with a reason", () => {
    const all = ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"].map(done);
    expect(containmentVerdict(all).contained).toBe(true);
    expect(containmentVerdict(all.slice(0, 3)).contained).toBe(false); // one never run
    expect(containmentVerdict([...all.slice(0, 3), { key: "revoke-sessions", state: "FAILED", reason: null }]).contained).toBe(false);
  });

  it("accepts a documented skip or not-applicable, and says which", () => {
    const steps = [done("reset-password"), done("enforce-mfa"), done("block-sign-in"), skipped("revoke-sessions")];
    const verdict = containmentVerdict(steps);
    expect(verdict).toMatchObject({
      contained: true,
      done: ["reset-password", "enforce-mfa", "block-sign-in"],
      setAside: [{ key: "revoke-sessions", state: "SKIPPED" }],
    });
    expect(containmentReason(verdict)).toBe(
      "Containment verified: password reset, MFA enforced, sign-in blocked; “Sign out of all sessions” skipped (The app lacks User.RevokeSessions.All; sessions revoked in the Entra admin center)",
    );
    expect(
      containmentVerdict([...steps.slice(0, 3), { key: "revoke-sessions", state: "NOT_APPLICABLE", reason: "No sessions" }]).contained,
    ).toBe(true);
  });

  it("refuses a skip without a reason, and nothing set aside without one step verified", () => {
    expect(
      containmentVerdict([done("reset-password"), done("enforce-mfa"), done("block-sign-in"), skipped("revoke-sessions", "  ")]).contained,
    ).toBe(false);
    expect(containmentVerdict(["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"].map((k) => skipped(k))).contained).toBe(
      false,
    );
  });
});
