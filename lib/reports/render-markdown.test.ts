import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { composeReport, type ReportFacts } from "./compose-report";
import { escapeMarkdown, renderMarkdown } from "./render-markdown";

// Hostile text in every field a person (or an attacker, through Graph) writes, rendered by a
// permissive real Markdown renderer (raw HTML on, bare links on): nothing active comes out.

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src="https://evil.example/x.png" onerror="alert(2)">',
  "[click](javascript:alert(3))",
  "![pixel](https://evil.example/track.png)",
  "<javascript:alert(4)>",
  "[ref]\n\n[ref]: javascript:alert(5)",
  "\n# Fake heading\n> quoted\n1. listed\n---\n<svg onload=alert(6)>",
  "**bold** _em_ `code` ~~gone~~ | a | b |",
  "&lt;script&gt; \\<b>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg== [d](data:text/html,x)",
];
const hostile = HOSTILE.join(" ");
const when = new Date("2026-11-24T08:00:00Z");

const facts: ReportFacts = {
  ticket: {
    number: "INC-1042",
    title: hostile,
    tenant: hostile,
    affectedUpn: "megan@contoso.example",
    severity: "HIGH",
    symptoms: [hostile],
    symptomsNote: hostile,
    detectedAt: when,
    reportedAt: when,
    reporter: hostile,
    assignee: hostile,
    firstResponseAt: null,
    containedAt: null,
    resolvedAt: null,
    closedAt: null,
    firstSuspiciousAt: null,
    outcomeSummary: hostile,
    lessonsLearned: hostile,
    closureReason: hostile,
    personalDataInvolved: true,
    notificationDeadline: when,
  },
  affectedUsers: [{ upn: hostile, displayName: hostile }],
  recipientDomains: [{ domain: hostile, isInternal: false, messageCount: 1, recipientCount: 1 }],
  impacts: [{ title: hostile, level: "HIGH", notes: hostile }],
  steps: [
    {
      title: hostile,
      state: "SKIPPED",
      reason: hostile,
      notes: hostile,
      doneBy: hostile,
      doneAt: when,
      requestIds: [hostile],
      verified: true,
      observed: hostile,
      error: hostile,
      phase: "CONTAINMENT",
      item: hostile,
    },
  ],
  traceStatusCounts: { [hostile]: 1 },
  advisories: [
    {
      domain: hostile,
      status: "ACKNOWLEDGED",
      sentAt: when,
      sentBy: hostile,
      acknowledgedAt: when,
      acknowledgedBy: hostile,
      acknowledgedFrom: hostile,
    },
  ],
  preventive: [{ title: hostile, owner: hostile, status: "OPEN" }],
  mfa: null,
  investigation: {
    takenAt: when,
    gaps: [hostile],
    perUserMfa: hostile,
    methods: [{ kind: hostile, detail: hostile, flagged: [hostile] }],
    signIns: [{ at: when, ip: hostile, country: hostile, succeeded: true, reasons: [hostile] }],
    inboxRules: [{ name: hostile, reasons: [hostile] }],
    flaggedMethods: [{ kind: hostile, detail: hostile, reasons: [hostile] }],
    consents: [{ app: hostile, reasons: [hostile] }],
    risk: { level: hostile, state: hostile },
  },
  timeline: [{ at: when, what: hostile, who: hostile }],
};

describe("the report as Markdown", () => {
  const markdown = renderMarkdown(composeReport(facts));
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);

  it("makes no HTML element, link, image or heading out of user text", () => {
    expect(html).not.toMatch(/<(script|img|svg|iframe|b)\b/i);
    // The only links are bare web and mail addresses a renderer links by itself; never javascript: or data:.
    const links = [...html.matchAll(/<a\s+href="([^"]*)"[^>]*>([^<]*)<\/a>/gi)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, href, text] of links)
      expect(href === text ? /^https:\/\/evil\.example\//.test(href!) : href === `mailto:${text}`).toBe(true);
    expect(html.match(/<a\s/gi)).toHaveLength(links.length);
    expect(html).not.toMatch(/<[^>]*\s(src|on\w+)=|href="(javascript|data):/i);
    expect(html).not.toMatch(/<(strong|code|del|s|blockquote|table|ol|hr)\b/i);
    expect(html.match(/<em>/g)).toHaveLength(1); // the subtitle's own
    // Only the report's own headings: the title and the fixed sections.
    expect(html.match(/<h[1-6]>/g)).toHaveLength(1 + composeReport(facts).sections.length);
    expect(html).not.toContain("<h1>Fake heading");
  });

  it("still shows the text as typed", () => {
    const text = new MarkdownIt({ html: true })
      .render(`- ${escapeMarkdown(hostile)}`)
      .replace(/<br>\n?/g, "\n")
      .replace(/<\/p>\n<p>/g, "\n\n");
    const shown = text
      .replace(/<\/?(ul|li|p)>\n?/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .trim();
    expect(shown.split("\n").map((l) => l.trim())).toEqual(hostile.split("\n").map((l) => l.trim()));
  });

  it("leaves plain words alone", () => {
    expect(escapeMarkdown("Reset the password at 09:00 UTC (verified), 3.5 h.")).toBe("Reset the password at 09:00 UTC (verified), 3.5 h.");
  });
});
