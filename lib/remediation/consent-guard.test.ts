import { describe, expect, it } from "vitest";
import { judgeConsentRevoke } from "./consent-guard";

const adele = { id: "user-adele", upn: "adele@contoso.example" };
const grant = (over: Partial<{ consentType: string; principalId: string | null }>) => ({
  id: "g1",
  clientId: "c1",
  scope: "Mail.Read",
  consentType: "Principal",
  principalId: "user-adele",
  ...over,
});

describe("revoking an app consent from a ticket", () => {
  it("revokes only the ticket's user's own consent", () => {
    expect(judgeConsentRevoke(grant({}), adele, "“Mail Helper Pro”")).toEqual({ action: "delete" });
  });
  it("refuses another user's consent", () => {
    expect(judgeConsentRevoke(grant({ principalId: "user-megan" }), adele, "“Mail Helper Pro”")).toMatchObject({
      action: "refuse",
      message: expect.stringContaining("belongs to another user, not adele@contoso.example"),
    });
  });
  it("refuses tenant-wide admin consent and says where to revoke it", () => {
    expect(judgeConsentRevoke(grant({ consentType: "AllPrincipals", principalId: null }), adele, "“Teams”")).toMatchObject({
      action: "refuse",
      message: expect.stringMatching(/admin consent for the whole tenant.*Microsoft Entra admin center/),
    });
  });
  it("counts a grant no longer there as already revoked", () => {
    expect(judgeConsentRevoke(null, adele, "“Mail Helper Pro”")).toEqual({ action: "already-gone" });
  });
});
