import { describe, expect, it } from "vitest";
import { flagConsents, flagInboxRules, flagRecentMethods, flagSignIns } from "./findings";

const signIn = (country: string, clientApp = "Browser", errorCode = 0) => ({ id: `${country}-${clientApp}-${errorCode}`, at: new Date("2026-11-24T08:00:00Z"), ipAddress: "1.2.3.4", country, city: null, clientApp, appName: "", errorCode, failureReason: null });

describe("investigation findings", () => {
  it("flags sign-ins outside the usual country and over legacy protocols", () => {
    const { homeCountry, flagged } = flagSignIns([signIn("US"), signIn("US"), signIn("US"), signIn("NG"), signIn("US", "IMAP4")]);
    expect(homeCountry).toBe("US");
    expect(flagged.map((f) => f.reasons)).toEqual([["sign-in from NG, not the usual US"], ["legacy protocol IMAP4"]]);
  });

  it("flags hiding and forwarding rules, not ordinary ones", () => {
    const rules = [
      { id: "1", displayName: ".", isEnabled: true, conditions: {}, actions: { moveToFolder: "RSS Subscriptions", markAsRead: true, stopProcessingRules: true } },
      { id: "2", displayName: "Boss", isEnabled: true, conditions: {}, actions: { forwardTo: [{ emailAddress: { address: "x@evil.example" } }] } },
      { id: "3", displayName: "Newsletters", isEnabled: true, conditions: {}, actions: { markAsRead: true } },
    ];
    expect(flagInboxRules(rules).map((f) => [f.id, f.reasons])).toEqual([
      ["1", ["moves mail to RSS Subscriptions", "marks as read and stops other rules", "has a blank-looking name"]],
      ["2", ["forwards or redirects mail"]],
    ]);
  });

  it("flags methods registered around the detection, never the password", () => {
    const detected = new Date("2026-11-24T10:00:00Z");
    const methods = [
      { id: "p", kind: "password", detail: null, createdAt: new Date("2026-11-24T09:00:00Z") },
      { id: "old", kind: "microsoftAuthenticator", detail: "Phone", createdAt: new Date("2025-01-01T00:00:00Z") },
      { id: "new", kind: "phone", detail: "+234 803 555 0147", createdAt: new Date("2026-11-24T03:00:00Z") },
    ];
    expect(flagRecentMethods(methods, detected).map((m) => m.id)).toEqual(["new"]);
  });

  it("flags user-only consents that can read or send mail", () => {
    const consents = [
      { id: "a", clientId: "c", appName: "Mail Helper Pro", consentType: "Principal", scope: "Mail.Read Mail.Send offline_access" },
      { id: "b", clientId: "d", appName: "Teams", consentType: "AllPrincipals", scope: "Mail.Read" },
      { id: "c", clientId: "e", appName: "Calendar", consentType: "Principal", scope: "Calendars.Read" },
    ];
    expect(flagConsents(consents).map((c) => c.app)).toEqual(["Mail Helper Pro"]);
  });
});
