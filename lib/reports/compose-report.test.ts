import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { composeReport, NOT_RECORDED, type ReportFacts } from "./compose-report";
import { investigationFacts } from "./investigation-facts";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";

const bare: ReportFacts = {
  ticket: {
    number: "INC-1042", title: "Megan's mailbox", tenant: "Contoso", affectedUpn: "megan@contoso.example", severity: "HIGH", symptoms: [], symptomsNote: null,
    detectedAt: new Date("2026-11-24T08:00:00Z"), reportedAt: new Date("2026-11-24T08:10:00Z"), reporter: "Isaiah", assignee: null, firstResponseAt: null, containedAt: null,
    resolvedAt: null, closedAt: null, firstSuspiciousAt: null, outcomeSummary: null, lessonsLearned: null, closureReason: null, personalDataInvolved: false, notificationDeadline: null,
  },
  affectedUsers: [], recipientDomains: [], impacts: [], steps: [], traceStatusCounts: null, advisories: [], preventive: [], mfa: null, investigation: null, timeline: [],
};
const step = (over: Partial<ReportFacts["steps"][number]>): ReportFacts["steps"][number] => ({
  title: "Block sign-in", state: "DONE", reason: null, notes: null, doneBy: "Riya", doneAt: new Date("2026-11-24T09:09:00Z"), requestIds: [], verified: null, observed: null, error: null, phase: "CONTAINMENT", ...over,
});
const section = (text: string, heading: string) => text.split(`## ${heading}`)[1]!.split("\n## ")[0]!;

describe("report composition", () => {
  it("has the seed's sections and says 'not recorded' for every missing fact", () => {
    const report = composeReport(bare);
    expect(report.sections.map((s) => s.heading)).toEqual([
      "Introduction", "1. Issue description", "2. User affected / scope", "3. Business impact", "4. Troubleshooting steps",
      "5. Resolution and recovery", "6. Preventative measures", "7. Outcome after troubleshooting", "Appendix: timeline",
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
      ticket: { ...bare.ticket, containedAt: new Date("2026-11-24T09:10:00Z"), firstSuspiciousAt: new Date("2026-11-24T01:00:00Z"), outcomeSummary: "Account secured." },
      recipientDomains: [{ domain: "gmail.com", isInternal: false, messageCount: 420, recipientCount: 419 }],
      steps: [{ title: "Block sign-in", state: "DONE", reason: null, notes: null, doneBy: "Riya", doneAt: new Date("2026-11-24T09:09:00Z"), requestIds: ["req-1"], verified: true, observed: "Sign-in is blocked", error: null, phase: "CONTAINMENT" }],
      traceStatusCounts: { pending: 55, delivered: 256 },
    });
    const text = renderMarkdown(report);
    expect(text).toContain("External recipients of the unauthorized mail: gmail.com (420 messages, 419 recipients).");
    expect(text).toContain("Internal recipients (the tenant's own domains): none recorded.");
    expect(text).toContain("Block sign-in: done; by Riya at 2026-11-24 09:09 UTC; verified: Sign-in is blocked; Graph request req-1");
    expect(text).toContain("Message trace status counts: pending 55, delivered 256.");
    expect(text).toContain("What was achieved: Account secured.\n"); // no doubled full stop
    expect(text).toContain("time to contain: 1.0 h; dwell time: 8.2 h");
  });

  it("says when a step's check failed, and lists internal recipients beside external ones", () => {
    const text = renderMarkdown(composeReport({
      ...bare,
      steps: [step({ title: "Sign out of all sessions", verified: false, observed: "a refresh token issued before the revoke still works", requestIds: ["req-9"] })],
      recipientDomains: [{ domain: "gmail.com", isInternal: false, messageCount: 420, recipientCount: 419 }, { domain: "contoso.example", isInternal: true, messageCount: 12, recipientCount: 9 }],
      timeline: [{ at: new Date("2026-11-24T09:00:00Z"), what: "Status changed from Resolved to Closed", who: "Riya" }],
    }));
    expect(text).toContain("Sign out of all sessions: not verified: a refresh token issued before the revoke still works; by Riya at 2026-11-24 09:09 UTC; Graph request req-9");
    expect(text).not.toMatch(/Sign out of all sessions: done/);
    expect(text).toContain("Internal recipients (the tenant's own domains): contoso.example (12 messages, 9 recipients).");
    expect(text).toContain("- 2026-11-24 09:00 UTC Status changed from Resolved to Closed (Riya)");
  });

  it("puts the evidence snapshot's findings in section 1; a section Graph did not return reads 'not read'", () => {
    const investigation = investigationFacts({
      takenAt: new Date("2026-11-24T08:40:00Z"),
      data: { authMethods: [{ kind: "password" }, { kind: "email" }] },
      gaps: { consents: "Needs the DelegatedPermissionGrant.Read.All permission" },
      findings: {
        signIns: { homeCountry: "US", flagged: [{ id: "s1", at: "2026-11-24T01:00:00Z", ip: "102.89.1.7", country: "NG", clientApp: "IMAP4", succeeded: true, reasons: ["sign-in from Lagos, NG, not the usual US", "legacy protocol IMAP4"] }] },
        inboxRules: [{ id: "r1", name: "..", reasons: ["deletes mail", "has a blank-looking name"] }],
        authMethods: [{ id: "m1", kind: "phone", detail: "+234 800 000 0000", createdAt: "2026-11-24T01:05:00Z", reasons: ["registered 2026-11-24 01:05 UTC"] }],
        consents: null,
        risk: { riskLevel: "high", riskState: "atRisk" },
      },
    });
    const issue = section(renderMarkdown(composeReport({ ...bare, investigation })), "1. Issue description");
    expect(issue).toContain("Evidence snapshot taken 2026-11-24 08:40 UTC; could not read: app consents.");
    expect(issue).toContain("MFA on the account: off (no second factor registered).");
    expect(issue).toContain("Unusual sign-ins (1): 2026-11-24 01:00 UTC from 102.89.1.7 (NG), succeeded: sign-in from Lagos, NG, not the usual US, legacy protocol IMAP4.");
    expect(issue).toContain("Hiding inbox rules (1): “..” deletes mail, has a blank-looking name.");
    expect(issue).toContain("Sign-in methods added around the incident (possibly the attacker's) (1): phone +234 800 000 0000, registered 2026-11-24 01:05 UTC.");
    expect(issue).toContain("Suspicious app consents: not read.");
    expect(issue).toContain("Identity Protection risk: high (atRisk).");
    const clean = investigationFacts({ takenAt: new Date(), data: { authMethods: [{ kind: "password" }, { kind: "microsoftAuthenticator" }] }, gaps: null, findings: { signIns: { flagged: [] }, inboxRules: [], authMethods: [], consents: [], risk: null } });
    const lines = section(renderMarkdown(composeReport({ ...bare, investigation: clean })), "1. Issue description");
    expect(lines).toContain("MFA on the account: registered (microsoftAuthenticator).");
    expect(lines).toContain("Unusual sign-ins: none found.");
    expect(lines).toContain("Suspicious app consents: none found.");
  });

  it("renders a PDF whose text can be searched", async () => {
    const pdf = await renderPdf(composeReport(bare));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain("INC-1042");
    expect(text).toContain("2. User affected / scope");
    expect(text).toContain("megan@contoso.example");
  });
});
