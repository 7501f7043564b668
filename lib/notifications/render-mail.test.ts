import { describe, expect, it } from "vitest";
import { summarize } from "./kinds";
import { renderMail } from "./render-mail";

describe("renderMail", () => {
  const base = {
    recipientName: "Dana <admin>",
    url: "https://desk.example/tickets/1?a=1&b=2",
    preferencesUrl: "https://desk.example/notifications",
  };

  it("says what happened with a link, in text and escaped HTML", () => {
    const mail = renderMail({ ...base, summary: summarize({ kind: "ticket.contained", ticketNumber: "INC-1001", actorName: null }) });
    expect(mail.subject).toBe("[Breachdesk] INC-1001: the affected account is contained");
    expect(mail.text).toContain("Open it in Breachdesk: https://desk.example/tickets/1?a=1&b=2");
    expect(mail.html).toContain('href="https://desk.example/tickets/1?a=1&amp;b=2"');
    expect(mail.html).toContain("Hello Dana &lt;admin&gt;");
  });

  it("keeps the subject on one line whatever a name holds", () => {
    const mail = renderMail({
      ...base,
      summary: summarize({ kind: "ticket.picked-up", ticketNumber: "INC-7", actorName: "Eve\r\nBcc: x@y" }),
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe("summarize", () => {
  it("names the ticket and the actor, never a comment's text", () => {
    expect(summarize({ kind: "ticket.public-update", ticketNumber: "INC-1001", actorName: "Alex" })).toBe("INC-1001: new update from Alex");
    expect(summarize({ kind: "report.submitted", ticketNumber: "INC-1001", actorName: "Alex", detail: "2" })).toBe(
      "INC-1001: report version 2 waits for review",
    );
  });
});
