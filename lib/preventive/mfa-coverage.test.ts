import { describe, expect, it } from "vitest";
import type { UserRegistration } from "@/lib/graph/registration";
import { coveragePercent, summariseMfaCoverage } from "./mfa-coverage";

const user = (upn: string, over: Partial<UserRegistration> = {}): UserRegistration => ({
  id: upn,
  userPrincipalName: upn,
  displayName: upn.split("@")[0]!,
  isAdmin: false,
  isMfaRegistered: true,
  isMfaCapable: true,
  methodsRegistered: ["microsoftAuthenticator"],
  ...over,
});

describe("summariseMfaCoverage", () => {
  it("counts registered, capable and admins without MFA, and lists who lacks it (admins first)", () => {
    const c = summariseMfaCoverage([
      user("adele@contoso.example"),
      user("megan@contoso.example", { isMfaRegistered: false, isMfaCapable: false, methodsRegistered: [] }),
      user("grady@contoso.example", { isMfaRegistered: false, isMfaCapable: false, methodsRegistered: [] }),
      user("admin@contoso.example", { isAdmin: true, isMfaRegistered: false, isMfaCapable: false, methodsRegistered: [] }),
      user("patti@contoso.example", { isMfaCapable: false }),
    ]);
    expect(c).toMatchObject({ totalUsers: 5, mfaRegistered: 2, mfaCapable: 1, adminsWithoutMfa: 1 });
    expect(c.usersWithoutMfa.map((u) => u.userPrincipalName)).toEqual([
      "admin@contoso.example",
      "grady@contoso.example",
      "megan@contoso.example",
    ]);
    expect(coveragePercent(c)).toBe(40);
  });

  it("handles an empty tenant and never rounds up to 100 %", () => {
    expect(summariseMfaCoverage([])).toMatchObject({ totalUsers: 0, mfaRegistered: 0, usersWithoutMfa: [] });
    expect(coveragePercent({ totalUsers: 0, mfaRegistered: 0 })).toBe(0);
    expect(coveragePercent({ totalUsers: 1000, mfaRegistered: 999 })).toBe(99);
  });
});
