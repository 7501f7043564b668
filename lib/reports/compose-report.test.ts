import { describe, expect, it } from "vitest";
import { composeReport, NOT_RECORDED } from "./compose-report";
import { investigationFacts } from "./investigation-facts";
import { renderMarkdown } from "./render-markdown";
import { bare, section, step } from "./report-test-facts";

describe("report composition", () => {
  it("has the seed's sections and says 'not recorded' for every missing fact", () => {
    const report = composeReport(bare);
    expect(report.sections.map((s) => s.heading)).toEqual([
      "Introduction",
      "1. Issue description",
      "2. User affected / scope",
      "3. Business impact",
      "4. Troubleshooting steps",
      "5. Resolution and recovery",
      "6. Preventative measures",
      "7. Outcome after troubleshooting",
      "Appendix: timeline",
    ]);
    const text = renderMarkdown(report);
    expect(text).toContain(`Message trace: ${NOT_RECORDED}`);
    expect(text).toContain(`MFA coverage check: ${NOT_RECORDED}`);
    expect(text).toContain(`What was achieved: ${NOT_RECORDED}`);
    expect(text).toContain(`time to contain: ${NOT_RECORDED}`);
    expect(section(text, "4. Troubleshooting steps").trim()).toBe(`- Steps: ${NOT_RECORDED}.`);
    expect(section(text, "Appendix: timeline").trim()).toBe(`- Events: ${NOT_RECORDED}.`);
    expect(text).toContain(`Evidence snapshot: ${NOT_RECORDED}.`);
    expect(text).toContain(`Recipients of the unauthorized mail: ${NOT_RECORDED}.`);
    // Nothing invented: no step, advisory or domain appears that the ticket does not hold.
    expect(text).not.toMatch(/gmail|advisory to|verified/i);
  });

  it("carries the ticket's facts and the engineer's own words", () => {
    const report = composeReport({
      ...bare,
      ticket: {
        ...bare.ticket,
        containedAt: new Date("2026-11-24T09:10:00Z"),
        firstSuspiciousAt: new Date("2026-11-24T01:00:00Z"),
        outcomeSummary: "Account secured.",
      },
      recipientDomains: [{ domain: "gmail.com", isInternal: false, messageCount: 420, recipientCount: 419 }],
      steps: [
        {
          title: "Block sign-in",
          state: "DONE",
          reason: null,
          notes: null,
          doneBy: "Riya",
          doneAt: new Date("2026-11-24T09:09:00Z"),
          requestIds: ["req-1"],
          verified: true,
          observed: "Sign-in is blocked",
          error: null,
          phase: "CONTAINMENT",
        },
      ],
      traceStatusCounts: { pending: 55, delivered: 256 },
    });
    const text = renderMarkdown(report);
    expect(text).toContain("External recipients of the unauthorized mail: gmail.com (420 messages, 419 recipients).");
    expect(text).toContain("Internal recipients (the tenant's own domains): none recorded.");
    expect(text).toContain("Block sign-in: done; by Riya at 2026-11-24 09:09 UTC; verified: Sign-in is blocked; Graph request req-1");
    expect(text).toContain("Message trace status counts: pending 55, delivered 256.");
    expect(text).toContain("What was achieved: Account secured.\n"); // no doubled full stop
    expect(text).toContain("time to contain: 1.0 h; dwell time (from the first successful suspicious sign-in to containment): 8.2 h");
  });

  it("says when a step's check failed, and lists internal recipients beside external ones", () => {
    const text = renderMarkdown(
      composeReport({
        ...bare,
        steps: [
          step({
            title: "Sign out of all sessions",
            verified: false,
            observed: "a refresh token issued before the revoke still works",
            requestIds: ["req-9"],
          }),
        ],
        recipientDomains: [
          { domain: "gmail.com", isInternal: false, messageCount: 420, recipientCount: 419 },
          { domain: "contoso.example", isInternal: true, messageCount: 12, recipientCount: 9 },
        ],
        timeline: [{ at: new Date("2026-11-24T09:00:00Z"), what: "Status changed from Resolved to Closed", who: "Riya" }],
      }),
    );
    expect(text).toContain(
      "Sign out of all sessions: not verified: a refresh token issued before the revoke still works; by Riya at 2026-11-24 09:09 UTC; Graph request req-9",
    );
    expect(text).not.toMatch(/Sign out of all sessions: done/);
    expect(text).toContain("Internal recipients (the tenant's own domains): contoso.example (12 messages, 9 recipients).");
    expect(text).toContain("- 2026-11-24 09:00 UTC Status changed from Resolved to Closed (Riya)");
  });

  it("puts the evidence snapshot's findings in section 1; a section Graph did not return reads 'not read'", () => {
    const investigation = investigationFacts({
      takenAt: new Date("2026-11-24T08:40:00Z"),
      data: {
        authMethods: [
          { id: "pw", kind: "password" },
          { id: "e1", kind: "email", detail: "megan.private@example.org" },
          { id: "m1", kind: "phone", detail: "+234 800 000 0000" },
        ],
      },
      gaps: { consents: "Needs the DelegatedPermissionGrant.Read.All permission" },
      findings: {
        signIns: {
          homeCountry: "US",
          flagged: [
            {
              id: "s2",
              at: "2026-11-24T02:03:00Z",
              ip: "102.89.1.7",
              country: "NG",
              clientApp: "IMAP4",
              succeeded: true,
              reasons: ["sign-in from Lagos, NG, not the usual US", "legacy protocol IMAP4"],
            },
            {
              id: "s1",
              at: "2026-11-24T01:45:00Z",
              ip: "102.89.1.7",
              country: "NG",
              clientApp: "IMAP4",
              succeeded: false,
              reasons: ["sign-in from Lagos, NG, not the usual US"],
            },
          ],
        },
        inboxRules: [{ id: "r1", name: "..", reasons: ["deletes mail", "has a blank-looking name"] }],
        authMethods: [
          {
            id: "m1",
            kind: "phone",
            detail: "+234 800 000 0000",
            createdAt: "2026-11-24T01:05:00Z",
            reasons: ["registered 2026-11-24 01:05 UTC"],
          },
        ],
        consents: null,
        risk: { riskLevel: "high", riskState: "atRisk" },
      },
    });
    const ticket = {
      ...bare.ticket,
      reporterSaidMfaOff: true,
      firstSuspiciousAt: new Date("2026-11-24T02:03:00Z"),
      containedAt: new Date("2026-11-24T09:03:00Z"),
    };
    const text = renderMarkdown(composeReport({ ...bare, ticket, investigation }));
    const issue = section(text, "1. Issue description");
    expect(issue).toContain("Severity: high.");
    // The failed 01:45 attempt is named, and it is not where dwell time starts.
    expect(issue).toContain(
      "First successful suspicious sign-in: 2026-11-24 02:03 UTC; an earlier flagged attempt failed at 2026-11-24 01:45 UTC.",
    );
    expect(text).toContain("dwell time (from the first successful suspicious sign-in to containment): 7.0 h");
    expect(issue).toContain("Evidence snapshot taken 2026-11-24 08:40 UTC; could not read: app consents.");
    // The attacker's phone is not MFA: the state comes from the intake, the phone is called out.
    expect(issue).toContain(
      "MFA before containment: not read by the evidence snapshot; the reporter said MFA was not enabled on the account.",
    );
    expect(issue).toContain(
      "Sign-in methods registered, password excluded (2): email address megan.private@example.org (password reset only); phone +234 800 000 0000 (flagged: registered 2026-11-24 01:05 UTC; possibly added by the attacker).",
    );
    expect(issue).toContain(
      "Every second-factor method on the account was flagged as added around the incident: none shows that MFA protected the account.",
    );
    expect(issue).not.toMatch(/MFA on the account: registered/);
    expect(issue).toContain(
      "Suspicious sign-ins, oldest first (2): 2026-11-24 01:45 UTC from 102.89.1.7 (NG), failed: sign-in from Lagos, NG, not the usual US; 2026-11-24 02:03 UTC from 102.89.1.7 (NG), succeeded:",
    );
    expect(issue).toContain("Hiding inbox rules (1): “..” deletes mail, has a blank-looking name.");
    expect(issue).toContain("Suspicious app consents: not read.");
    expect(issue).toContain("Identity Protection risk: high (at risk).");

    const clean = investigationFacts({
      takenAt: new Date("2026-11-24T10:00:00Z"),
      data: { authMethods: [{ kind: "password" }, { kind: "microsoftAuthenticator", detail: "iPhone" }], perUserMfaState: "disabled" },
      gaps: null,
      findings: { signIns: { flagged: [] }, inboxRules: [], authMethods: [], consents: [], risk: null },
    });
    const lines = section(renderMarkdown(composeReport({ ...bare, investigation: clean })), "1. Issue description");
    expect(lines).toContain("MFA before containment: per-user MFA disabled (read by the evidence snapshot).");
    expect(lines).toContain("Sign-in methods registered, password excluded (1): Microsoft Authenticator iPhone.");
    expect(lines).toContain("First successful suspicious sign-in: none found.");
    expect(lines).toContain("Suspicious sign-ins, oldest first: none found.");
    expect(lines).toContain("Suspicious app consents: none found.");
    const none = investigationFacts({
      takenAt: new Date(),
      data: { authMethods: [{ kind: "password" }] },
      gaps: null,
      findings: { signIns: { flagged: [] }, inboxRules: [], authMethods: [], consents: [] },
    });
    expect(section(renderMarkdown(composeReport({ ...bare, investigation: none })), "1. Issue description")).toContain(
      "No second factor was registered on the account.",
    );

    // A snapshot retaken after eradication is only mentioned; the findings stay the earliest's.
    const both = section(renderMarkdown(composeReport({ ...bare, investigation, laterInvestigations: [clean] })), "1. Issue description");
    expect(both).toContain(
      "Evidence snapshot taken 2026-11-24 08:40 UTC (the earliest, before anything was removed); could not read: app consents.",
    );
    expect(both).toContain("Hiding inbox rules (1): “..”");
    expect(both).toContain(
      "A later evidence snapshot, 2026-11-24 10:00 UTC, found: hiding inbox rules none, flagged sign-in methods none, suspicious app consents none.",
    );
  });

  it("gives each advisory state its own time, and who recorded the acknowledgement", () => {
    const text = renderMarkdown(
      composeReport({
        ...bare,
        advisories: [
          {
            domain: "gmail.com",
            status: "ACKNOWLEDGED",
            sentAt: new Date("2026-11-24T09:24:00Z"),
            sentBy: "Riya",
            acknowledgedAt: new Date("2026-11-24T11:02:00Z"),
            acknowledgedBy: "Riya",
          },
          { domain: "yahoo.com", status: "SENT", sentAt: new Date("2026-11-24T09:25:00Z"), sentBy: "Riya" },
          { domain: "outlook.com", status: "DRAFTED", sentAt: null },
        ],
      }),
    );
    expect(text).toContain(
      "Advisory to gmail.com: sent 2026-11-24 09:24 UTC by Riya; acknowledged by the admins of gmail.com 2026-11-24 11:02 UTC (recorded by Riya).",
    );
    expect(text).toContain("Advisory to yahoo.com: sent 2026-11-24 09:25 UTC by Riya; not acknowledged.");
    const named = composeReport({
      ...bare,
      advisories: [
        {
          domain: "gmail.com",
          status: "ACKNOWLEDGED",
          sentAt: new Date("2026-11-24T09:24:00Z"),
          acknowledgedAt: new Date("2026-11-24T11:02:00Z"),
          acknowledgedBy: "Riya",
          acknowledgedFrom: "postmaster@gmail.com",
        },
      ],
    });
    expect(renderMarkdown(named)).toContain("acknowledged by postmaster@gmail.com 2026-11-24 11:02 UTC (recorded by Riya).");
    expect(text).toContain("Advisory to outlook.com: drafted, not sent.");
  });

  it("names the item of each per-item step, and puts every stored value into words", () => {
    const text = renderMarkdown(
      composeReport({
        ...bare,
        ticket: { ...bare.ticket, tenant: "Contoso (demo)", severity: "CRITICAL" },
        steps: [
          step({
            title: "Remove malicious inbox rules",
            phase: "ERADICATION",
            item: "rule “..”",
            verified: true,
            observed: "The rule is gone from the inbox",
          }),
          step({ title: "Remove malicious inbox rules", phase: "ERADICATION", item: "rule “.”", state: "FAILED", error: "Not found" }),
          step({
            title: "Confirm the user compromised (Identity Protection)",
            phase: "ERADICATION",
            verified: true,
            observed: "Risk state: confirmedCompromised",
          }),
          step({ title: "Sign out of all sessions", verified: true, observed: "Sessions valid from 2026-11-24T09:09:12.345Z" }),
          step({ title: "Block sign-in", verified: true, observed: "Sign-in is blocked (accountEnabled: false)" }),
          step({ title: "Approve", state: "WAITING_APPROVAL", doneBy: null, doneAt: null }),
        ],
        impacts: [{ title: "Sender reputation", level: "MEDIUM", notes: null }],
        traceStatusCounts: { gettingStatus: 55, filteredAsSpam: 3, delivered: 256 },
        preventive: [
          { title: "Enforce MFA for all users", owner: null, status: "IN_PROGRESS" },
          { title: "Train staff", owner: "HR", status: "WONT_DO" },
        ],
        advisories: [
          {
            domain: "gmail.com",
            status: "ACKNOWLEDGED",
            sentAt: new Date("2026-11-24T09:24:00Z"),
            acknowledgedAt: new Date("2026-11-24T10:00:00Z"),
          },
        ],
      }),
    );
    expect(text).toContain(
      "Remove malicious inbox rules — rule “..”: done; by Riya at 2026-11-24 09:09 UTC; verified: The rule is gone from the inbox",
    );
    expect(text).toContain("Remove malicious inbox rules — rule “.”: failed; by Riya");
    expect(text).toContain("verified: Risk state: confirmed compromised");
    expect(text).toContain("verified: Sessions valid from 2026-11-24 09:09 UTC");
    expect(text).toContain("verified: Sign-in is blocked\n");
    expect(text).toContain("Approve: waiting for approval");
    expect(text).toContain("Severity: critical.");
    expect(text).toContain("Sender reputation: medium.");
    expect(text).toContain("Message trace status counts: getting status 55, filtered as spam 3, delivered 256.");
    expect(text).toContain("Enforce MFA for all users: in progress.");
    expect(text).toContain("Train staff: won't do, owner HR.");
    expect(text).toContain("The account megan@contoso.example of Contoso (demo) was reported compromised");
    // No enum key, no Graph camelCase, no space before punctuation, no doubled brackets.
    const words = text.replace(/INC-\d+|UTC|MFA|IMAP4|FIDO2|HR|NG|US/g, "");
    expect(words).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)*\b/);
    expect(words).not.toMatch(/\b[a-z]+[A-Z][a-z]+/);
    expect(text).not.toMatch(/ [:;,.](?!\.)/);
    expect(text).not.toMatch(/\) \(/);
  });

  it("invents nothing: with no steps and no outcome, no line claims anything was done", () => {
    const text = renderMarkdown(composeReport(bare));
    expect(text).not.toMatch(/removed|revoked|reset|blocked|secured|enforced|acknowledged|sent /i);
    const claims = composeReport({
      ...bare,
      ticket: { ...bare.ticket, outcomeSummary: "Account secured; the suspicious rule or consent was removed." },
    });
    // The engineer's own words are carried as they are, and only in the outcome.
    expect(renderMarkdown(claims).match(/rule or consent was removed/g)).toHaveLength(1);
    expect(section(renderMarkdown(claims), "4. Troubleshooting steps").trim()).toBe(`- Steps: ${NOT_RECORDED}.`);
  });
});
