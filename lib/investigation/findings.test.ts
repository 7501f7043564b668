import { describe, expect, it } from "vitest";
import { flagConsents, flagInboxRules, flagRecentMethods, flagSignIns, networkOf } from "./findings";

const signIn = (country: string, clientApp = "Browser", errorCode = 0) => ({ id: `${country}-${clientApp}-${errorCode}`, at: new Date("2026-11-24T08:00:00Z"), ipAddress: "1.2.3.4", country, city: null, clientApp, appName: "", errorCode, failureReason: null });

describe("investigation findings", () => {
  it("flags sign-ins outside the usual country and over legacy protocols", () => {
    const { homeCountry, flagged } = flagSignIns([signIn("US"), signIn("US"), signIn("US"), signIn("NG"), signIn("US", "IMAP4")]);
    expect(homeCountry).toBe("US");
    expect(flagged.map((f) => f.reasons)).toEqual([["sign-in from NG, not the usual US"], ["legacy protocol IMAP4"]]);
  });

  it("flags sign-ins from networks the user does not normally use, even inside the usual country", () => {
    const at = (day: number, ip: string, country = "US") => ({ ...signIn(country), id: `${day}-${ip}`, at: new Date(Date.UTC(2026, 10, day, 9)), ipAddress: ip });
    const usual = [1, 2, 3, 4].flatMap((d) => [at(d, "198.51.100.24"), at(d, "198.51.100.77")]); // the office line, within its /24
    const { flagged } = flagSignIns([...usual, at(5, "198.51.100.31"), at(5, "203.0.113.9"), at(5, "102.89.34.17", "NG")]);
    expect(flagged.map((f) => [f.ip, f.reasons])).toEqual([
      ["203.0.113.9", ["unfamiliar IP 203.0.113.9 (not one of the user's usual networks)"]],
      ["102.89.34.17", ["sign-in from NG, not the usual US", "unfamiliar IP 102.89.34.17 (not one of the user's usual networks)"]],
    ]);
  });

  it("does not call every IP unfamiliar when there is no history to compare with", () => {
    expect(flagSignIns([signIn("US"), { ...signIn("US"), id: "x", ipAddress: "203.0.113.9" }]).flagged).toEqual([]);
  });

  it("groups IPv6 addresses by their /64", () => {
    expect(networkOf("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("2001:db8:85a3:8d3::/64");
    expect(networkOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(networkOf("2001::1:2:3:4:5")).toBe("2001:0:0:1::/64");
    expect(networkOf("203.0.113.9")).toBe("203.0.113.0/24");
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
