import { describe, expect, it } from "vitest";
import { mfaWarning } from "./mfa-warning";

describe("the warning that MFA trusts the attacker's method", () => {
  it("speaks while MFA is enforced (or being confirmed) and a flagged method is still there", () => {
    for (const state of ["DONE", "VERIFYING", "UNCONFIRMED"]) {
      expect(mfaWarning({ upn: "megan@contoso.example", enforceMfaState: state, remainingMethods: ["phone +234 803 555 0147"] })).toMatch(
        /^MFA is enforced on megan@contoso.example, but the sign-in method flagged as the attacker's — phone \+234 803 555 0147 — is still registered: whoever holds it passes MFA/,
      );
    }
  });
  it("is silent when MFA is not enforced or nothing flagged is left", () => {
    expect(mfaWarning({ upn: "u", enforceMfaState: "FAILED", remainingMethods: ["phone"] })).toBeNull();
    expect(mfaWarning({ upn: "u", enforceMfaState: null, remainingMethods: ["phone"] })).toBeNull();
    expect(mfaWarning({ upn: "u", enforceMfaState: "DONE", remainingMethods: [] })).toBeNull();
  });
});
