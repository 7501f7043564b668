import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { composeReport, NOT_RECORDED, type ReportFacts } from "./compose-report";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";

const bare: ReportFacts = {
  ticket: {
    number: "INC-1042", title: "Megan's mailbox", tenant: "Contoso", affectedUpn: "megan@contoso.example", severity: "HIGH", symptoms: [], symptomsNote: null,
    detectedAt: new Date("2026-11-24T08:00:00Z"), reportedAt: new Date("2026-11-24T08:10:00Z"), reporter: "Isaiah", assignee: null, firstResponseAt: null, containedAt: null,
    resolvedAt: null, closedAt: null, firstSuspiciousAt: null, outcomeSummary: null, lessonsLearned: null, closureReason: null, personalDataInvolved: false, notificationDeadline: null,
  },
  affectedUsers: [], recipientDomains: [], impacts: [], steps: [], traceStatusCounts: null, advisories: [], preventive: [], mfa: null, timeline: [],
};

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
    expect(text).toContain("gmail.com (420 messages, 419 recipients)");
    expect(text).toContain("Block sign-in: done; by Riya at 2026-11-24 09:09 UTC; verified: Sign-in is blocked; Graph request req-1");
    expect(text).toContain("Message trace status counts: pending 55, delivered 256.");
    expect(text).toContain("What was achieved: Account secured.");
    expect(text).toContain("time to contain: 1.0 h; dwell time: 8.2 h");
  });

  it("renders a PDF whose text can be searched", async () => {
    const pdf = await renderPdf(composeReport(bare));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain("INC-1042");
    expect(text).toContain("2. User affected / scope");
    expect(text).toContain("megan@contoso.example");
  });
});
