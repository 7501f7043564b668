import { describe, expect, it } from "vitest";
import { flagConsents, flagInboxRules, flagSignIns, networkOf } from "./findings";
import { isLegacyClient } from "./legacy-clients";
import { flagRecentMethods } from "./method-findings";

const signIn = (country: string, clientApp = "Browser", errorCode = 0) => ({
  id: `${country}-${clientApp}-${errorCode}`,
  at: new Date("2026-11-24T08:00:00Z"),
  ipAddress: "1.2.3.4",
  country,
  city: null,
  clientApp,
  appName: "",
  errorCode,
  failureReason: null,
});

describe("investigation findings", () => {
  it("flags sign-ins outside the usual country and over legacy protocols", () => {
    const { homeCountry, flagged } = flagSignIns([signIn("US"), signIn("US"), signIn("US"), signIn("NG"), signIn("US", "IMAP4")]);
    expect(homeCountry).toBe("US");
    expect(flagged.map((f) => f.reasons)).toEqual([["sign-in from NG, not the usual US"], ["legacy protocol IMAP4"]]);
  });

  it("flags sign-ins from networks the user does not normally use, even inside the usual country", () => {
    const at = (day: number, ip: string, country = "US") => ({
      ...signIn(country),
      id: `${day}-${ip}`,
      at: new Date(Date.UTC(2026, 10, day, 9)),
      ipAddress: ip,
    });
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

  it("flags hiding and forwarding rules, not ordinary ones, naming the folder rather than its id", () => {
    const rules = [
      {
        id: "1",
        displayName: ".",
        isEnabled: true,
        readOnly: false,
        conditions: {},
        actions: { moveToFolder: "AAMkADfolder1AAA=", markAsRead: true, stopProcessingRules: true },
        moveToFolderName: "RSS Subscriptions",
      },
      {
        id: "2",
        displayName: "Boss",
        isEnabled: true,
        readOnly: false,
        conditions: {},
        actions: { forwardTo: [{ emailAddress: { address: "x@evil.example" } }] },
      },
      { id: "3", displayName: "Newsletters", isEnabled: true, readOnly: false, conditions: {}, actions: { markAsRead: true } },
      {
        id: "4",
        displayName: "Archive",
        isEnabled: true,
        readOnly: false,
        conditions: {},
        actions: { moveToFolder: "AAMkADfolder2AAA=" },
        moveToFolderName: null,
      },
    ];
    expect(flagInboxRules(rules).map((f) => [f.id, f.reasons])).toEqual([
      ["1", ["moves mail to RSS Subscriptions", "marks as read and stops other rules", "has a blank-looking name"]],
      ["2", ["forwards or redirects mail"]],
      ["4", ["moves mail to a folder whose name could not be read"]],
    ]);
    expect(JSON.stringify(flagInboxRules(rules))).not.toContain("AAMkAD");
  });

  it("says a flagged read-only rule can only be removed outside Graph", () => {
    const [finding] = flagInboxRules([{ id: "r", displayName: "...", isEnabled: true, readOnly: true, conditions: {}, actions: {} }]);
    expect(finding).toMatchObject({
      id: "r",
      readOnly: true,
      reasons: ["has a blank-looking name", expect.stringMatching(/read-only to Graph.*Outlook or Exchange/)],
    });
  });

  it("matches the documented legacy clientAppUsed families and their log spellings, never modern clients", () => {
    for (const legacy of [
      "IMAP",
      "IMAP4",
      "POP",
      "POP3",
      "SMTP",
      "Authenticated SMTP",
      "MAPI",
      "MAPI Over HTTP",
      "Exchange ActiveSync",
      "Other clients",
      "Exchange Web Services",
      "Autodiscover",
    ]) {
      expect(isLegacyClient(legacy), legacy).toBe(true);
    }
    for (const modern of ["Browser", "Mobile Apps and Desktop clients", "", "Teams"]) expect(isLegacyClient(modern), modern).toBe(false);
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

  it("judges a method Graph gives no date by the audit's security-info registrations, and never drops it", () => {
    const detected = new Date("2026-11-24T10:00:00Z");
    const phone = { id: "phone", kind: "phone", detail: "+234 803 555 0147", createdAt: null };
    const audit = (activity: string, at: string) => ({
      id: at,
      at: new Date(at),
      activity,
      category: "UserManagement",
      result: "success",
      initiatedBy: "megan@contoso.example",
    });
    const evidence = flagRecentMethods([phone], detected, [
      audit("User registered security info", "2026-11-24T03:00:00Z"),
      audit("Update user", "2026-11-24T04:00:00Z"),
    ]);
    expect(evidence).toEqual([
      expect.objectContaining({
        id: "phone",
        createdAt: null,
        reasons: [
          expect.stringMatching(
            /no registration date; the directory audit shows security info registered 24 Nov 2026, 03:00 UTC by megan@contoso.example/,
          ),
        ],
      }),
    ]);
    expect(flagRecentMethods([phone], detected, [audit("User registered security info", "2026-10-01T03:00:00Z")])).toEqual([]); // outside the window
    expect(flagRecentMethods([phone], detected, null)[0]!.reasons[0]).toMatch(/could not be read: check it with the user/);
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
