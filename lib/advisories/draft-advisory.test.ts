import { describe, expect, it } from "vitest";
import {
  collectAdvisoryFacts,
  draftAdvisories,
  draftAdvisory,
  groupTracesByDomain,
  NOT_RECORDED,
  type AdvisoryTrace,
} from "./draft-advisory";

const at = (iso: string) => new Date(iso);
let n = 0;
const trace = (over: Partial<AdvisoryTrace> = {}): AdvisoryTrace => ({
  traceId: `t${++n}`,
  senderAddress: "megan@contoso.example",
  recipient: `r${n}@gmail.com`,
  subject: "Invoice #48213 overdue",
  status: "delivered",
  receivedAt: at("2026-03-03T09:00:00Z"),
  ...over,
});
const ctx = { ticketRef: "INC-1001", tenantName: "Contoso", primaryDomain: "contoso.example" };

describe("groupTracesByDomain", () => {
  it("groups by recipient domain case-insensitively, largest first, using the address when no domain is stored", () => {
    const groups = groupTracesByDomain([
      trace({ recipient: "a@outlook.com" }),
      trace({ recipient: "b@Gmail.com" }),
      trace({ recipient: "c@gmail.com", recipientDomain: "GMAIL.COM" }),
      trace({ recipient: "not-an-address" }),
    ]);
    expect([...groups.keys()]).toEqual(["gmail.com", "outlook.com"]);
    expect(groups.get("gmail.com")).toHaveLength(2);
  });
});

describe("collectAdvisoryFacts", () => {
  it("counts every status, with gettingStatus and pending as the unsettled bucket, whatever their case", () => {
    const facts = collectAdvisoryFacts("gmail.com", [
      trace({ status: "gettingStatus" }),
      trace({ status: "GettingStatus" }),
      trace({ status: "Pending" }),
      trace({ status: "delivered" }),
      trace({ status: "Delivered" }),
      trace({ status: "failed" }),
    ]);
    expect(facts.countsByStatus).toEqual({ gettingStatus: 2, pending: 1, delivered: 2, failed: 1 });
    expect(facts.unsettledCount).toBe(3);
    expect(facts.messageCount).toBe(6);
  });

  it("dedupes subjects (case and spacing), counts them and sorts by frequency", () => {
    const facts = collectAdvisoryFacts("gmail.com", [
      trace({ subject: "Updated payment details" }),
      trace({ subject: "Invoice  #48213 overdue" }),
      trace({ subject: "invoice #48213 OVERDUE" }),
      trace({ subject: "Invoice #48213 overdue" }),
    ]);
    expect(facts.subjects).toEqual([
      { subject: "Invoice #48213 overdue", count: 3 },
      { subject: "Updated payment details", count: 1 },
    ]);
    expect(facts.subjectsMissing).toBe(0);
  });

  it("takes the window from the earliest and latest received time, and counts distinct messages and recipients", () => {
    const facts = collectAdvisoryFacts("gmail.com", [
      trace({ traceId: "m1", recipient: "a@gmail.com", receivedAt: at("2026-03-03T10:00:00Z") }),
      trace({ traceId: "m1", recipient: "b@gmail.com", receivedAt: at("2026-03-03T10:00:00Z") }),
      trace({ traceId: "m2", recipient: "A@gmail.com", receivedAt: at("2026-03-03T08:30:00Z") }),
      trace({ traceId: "m3", recipient: "c@gmail.com", receivedAt: at("2026-03-03T12:45:00Z") }),
    ]);
    expect(facts.window).toEqual({ first: at("2026-03-03T08:30:00Z"), last: at("2026-03-03T12:45:00Z") });
    expect(facts.messageCount).toBe(3);
    expect(facts.recipients).toEqual(["a@gmail.com", "b@gmail.com", "c@gmail.com"]);
  });
});

describe("draftAdvisory", () => {
  it("states the sender, subjects, window, counts and the transport rule from the trace", () => {
    const d = draftAdvisory(
      "gmail.com",
      [
        trace({ status: "gettingStatus", subject: "Updated payment details", receivedAt: at("2026-03-03T09:15:00Z") }),
        trace({ status: "pending", receivedAt: at("2026-03-03T11:40:00Z") }),
        trace({ status: "delivered" }),
      ],
      ctx,
    );
    expect(d.subject).toBe("Security advisory: unauthorized mail from megan@contoso.example to gmail.com – ref. INC-1001");
    expect(d.body).toContain("- Sender: megan@contoso.example");
    expect(d.body).toContain("- Time window: 03 Mar 2026, 09:00 UTC to 03 Mar 2026, 11:40 UTC");
    expect(d.body).toContain("- Messages: 3 to 3 recipients");
    // The statuses add up to the total; "not settled" sums two of them, so it is a summary below, not one more item.
    expect(d.body).toContain(
      [
        "- Status per recipient when traced (3 in all):",
        "  - Getting status: 1",
        "  - Pending: 1",
        "  - Delivered: 1",
        "  Not settled yet: 2 of these 3 (getting status or pending), so blocking them now can still stop them.",
      ].join("\n"),
    );
    expect(d.body).not.toMatch(/- Not settled/);
    expect(d.body).toContain('  - "Invoice #48213 overdue" (2)');
    expect(d.body).toContain(
      'Block or delete messages from megan@contoso.example with subject "Invoice #48213 overdue" or "Updated payment details", received from 03 Mar 2026, 09:00 UTC onwards.',
    );
    expect(d.toAddresses).toEqual(["abuse@gmail.com", "postmaster@gmail.com"]);
  });

  it("names the tenant without doubled brackets and gives the incident number once, as a reference to quote", () => {
    const d = draftAdvisory("gmail.com", [trace(), trace({ status: "failed" })], { ...ctx, tenantName: "Contoso (demo)" });
    expect(d.body).toContain("We are handling a security incident for Contoso (demo). ");
    expect(d.body).not.toMatch(/\) \(/);
    expect(d.subject).not.toMatch(/\) \(/);
    expect(d.body.endsWith("Security incident response for Contoso (demo)\nOur reference: INC-1001")).toBe(true);
    expect(d.body).toContain("quoting our reference INC-1001");
    expect(d.body).toContain("  None of these is still getting status or pending.");
  });

  it("says 'not recorded' for what the trace lacks instead of inventing it", () => {
    const d = draftAdvisory(
      "gmail.com",
      [trace({ senderAddress: null, subject: null, receivedAt: null }), trace({ senderAddress: " ", subject: "  ", receivedAt: null })],
      ctx,
    );
    expect(d.facts.senders).toEqual([]);
    expect(d.facts.subjects).toEqual([]);
    expect(d.facts.window).toBeNull();
    expect(d.body).toContain(`- Sender: ${NOT_RECORDED}`);
    expect(d.body).toContain(`- Time window: ${NOT_RECORDED}`);
    expect(d.body).toContain(`- Subjects:\n  - ${NOT_RECORDED}`);
    expect(d.body).toContain(
      `Block or delete messages from the sender (${NOT_RECORDED}) (subject ${NOT_RECORDED}: match on the sender alone).`,
    );
    expect(d.subject).toContain(`from ${NOT_RECORDED} to gmail.com`);
    // No subject, date or address appears that was not in the input.
    expect(d.body).not.toMatch(/\d{2} \w{3} \d{4}/);
    expect(d.body).not.toContain("contoso.example");
  });

  it("lists missing subjects beside recorded ones", () => {
    const d = draftAdvisory("gmail.com", [trace({ subject: null }), trace()], ctx);
    expect(d.body).toContain(`  - ${NOT_RECORDED} (1)`);
    expect(d.facts.subjectsMissing).toBe(1);
  });

  it("lists at most 100 recipients and says how many more", () => {
    const rows = Array.from({ length: 130 }, (_, i) => trace({ recipient: `user${String(i).padStart(3, "0")}@gmail.com` }));
    const d = draftAdvisory("gmail.com", rows, ctx);
    expect(d.body).toContain("Recipients at gmail.com (130):");
    expect(d.body).toContain("user099@gmail.com");
    expect(d.body).not.toContain("user100@gmail.com");
    expect(d.body).toContain("… and 30 more (full list on request).");
  });
});

describe("draftAdvisories", () => {
  it("drafts one advisory per external domain and none for the tenant's own domains", () => {
    const drafts = draftAdvisories(
      [
        trace({ recipient: "a@gmail.com" }),
        trace({ recipient: "b@gmail.com", status: "pending" }),
        trace({ recipient: "c@outlook.com" }),
        trace({ recipient: "grady@contoso.example" }),
        trace({ recipient: "x@eu.contoso.example" }),
      ],
      ctx,
    );
    expect(drafts.map((d) => d.domain)).toEqual(["gmail.com", "outlook.com"]);
    expect(drafts[0]!.facts.countsByStatus).toEqual({ delivered: 1, pending: 1 });
    expect(drafts[1]!.body).not.toContain("gmail.com");
  });
});
