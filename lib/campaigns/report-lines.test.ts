import { describe, expect, it } from "vitest";
import { campaignReportLines } from "./report-lines";

const t = (s: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, s));
const steps = (state: "ACCEPTED" | "FAILED", end: number) =>
  ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"].map((stepKey) => ({
    stepKey,
    state,
    queuedAt: t(0),
    verified: state === "ACCEPTED" ? true : null,
    verifiedAt: state === "ACCEPTED" ? t(end) : null,
  }));

describe("campaignReportLines", () => {
  it("gives totals, the time to contain the whole campaign and one line per account", () => {
    const lines = campaignReportLines([
      { upn: "a@c.example", steps: steps("ACCEPTED", 30) },
      { upn: "b@c.example", steps: steps("FAILED", 45) },
    ]);
    expect(lines[0]).toBe(
      "Campaign: 2 accounts; all four containment steps accepted by Microsoft Graph and verified in the tenant for 1; steps accepted 4, failed 4, stopped 0, not started 0, still running 0.",
    );
    // One account's steps failed: the campaign is not contained.
    expect(lines[1]).toBe("Time to contain the whole campaign: not contained yet.");
    expect(lines[2]).toBe(
      "a@c.example: Password reset verified; MFA enforced verified; Sign-in blocked verified; Sessions revoked verified.",
    );
    expect(campaignReportLines([{ upn: "a@c.example", steps: steps("ACCEPTED", 30) }])[1]).toBe(
      "Time to contain the whole campaign: 30 s (first step queued to last step verified).",
    );
  });

  it("says nothing for a ticket without campaign accounts", () => {
    expect(campaignReportLines([])).toEqual([]);
  });
});
