import { describe, expect, it } from "vitest";
import { Redactor } from "./redact";

describe("redaction of recorded Graph exchanges", () => {
  it("drops secrets and replaces personal data with stable pseudonyms", () => {
    const r = new Redactor();
    const body = r.json({
      passwordProfile: { password: "Hunter2-Hunter2!", forceChangePasswordNextSignIn: true },
      userPrincipalName: "megan@contoso.example",
      mail: "megan.bowen@contoso.example",
      displayName: "Megan Bowen",
      ipAddress: "102.89.34.17",
      location: { city: "Lagos", countryOrRegion: "NG" },
      phoneNumber: "+234 803 555 0147",
      subject: "Invoice #48213",
      id: "3179e48a-750b-4051-897c-87b9720928f7",
    }) as Record<string, unknown>;
    expect(body).toEqual({
      passwordProfile: { password: "[redacted]", forceChangePasswordNextSignIn: true },
      userPrincipalName: "user1@domain1.example",
      mail: "user2@domain1.example",
      displayName: "Person 1",
      ipAddress: "192.0.2.1",
      location: { city: "[redacted place]", countryOrRegion: "NG" },
      phoneNumber: "+1 555 0101",
      subject: "[redacted text]",
      id: "3179e48a-750b-4051-897c-87b9720928f7",
    });
    // The same value, the same pseudonym — in a URL too, encoded or not.
    expect(r.text("/v1.0/users/megan%40contoso.example?$filter=senderAddress eq 'megan.bowen@contoso.example'")).toBe(
      "/v1.0/users/user1@domain1.example?$filter=senderAddress eq 'user2@domain1.example'",
    );
  });
  it("keeps the names of roles, apps, rules and folders (not a person's), which the client judges by", () => {
    const r = new Redactor();
    expect(r.json({ "@odata.type": "#microsoft.graph.directoryRole", displayName: "Global Administrator" })).toEqual({
      "@odata.type": "#microsoft.graph.directoryRole",
      displayName: "Global Administrator",
    });
    expect(r.json({ id: "r", displayName: ".", isReadOnly: false })).toEqual({ id: "r", displayName: ".", isReadOnly: false });
  });
});
