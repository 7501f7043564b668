import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TicketTable } from "@/app/(app)/tickets/ticket-table";
import type { QueueRow } from "@/lib/tickets/queries";

// The queue shows both SLA clocks of every row, each as words and numbers (not colour only).
const row = (over: Partial<QueueRow>): QueueRow => ({
  id: "3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b",
  number: 1042,
  title: "Megan sends bulk mail",
  affectedUpn: "megan@contoso.example",
  severity: "HIGH",
  status: "TRIAGED",
  createdAt: new Date(Date.now() - 3 * 3_600_000),
  updatedAt: new Date(),
  firstResponseAt: null,
  containedAt: null,
  resolvedAt: null,
  closedAt: null,
  reviewStatus: "NONE",
  tenant: { id: "t", displayName: "Contoso" },
  assignee: null,
  ...over,
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("queue SLA clocks", () => {
  it("shows time to first response and time to contain, each with its state in words", () => {
    const created = new Date(Date.now() - 3 * 3_600_000);
    const html = renderToStaticMarkup(
      createElement(TicketTable, {
        rows: [row({ createdAt: created, firstResponseAt: new Date(created.getTime() + 20 * 60_000) })],
        showTenant: true,
      }),
    );
    const t = text(html);
    expect(t).toContain("First response");
    expect(t).toContain("Time to contain");
    // HIGH: respond within 30 min (met after 20), contain within 4 h (3 h in: at risk past 75 %).
    expect(t).toContain("First response: met 20 min of 30 min");
    expect(t).toContain("Time to contain: at risk 3 h 00 min of 4 h 00 min");
  });

  it("says containment does not apply to a ticket resolved without it, instead of a clock", () => {
    const created = new Date(Date.now() - 30 * 3_600_000);
    const resolved = new Date(created.getTime() + 25 * 60_000);
    const html = renderToStaticMarkup(
      createElement(TicketTable, {
        rows: [row({ createdAt: created, status: "RESOLVED", firstResponseAt: resolved, resolvedAt: resolved })],
        showTenant: false,
      }),
    );
    expect(text(html)).toContain("not applicable");
    expect(text(html)).not.toContain("Time to contain:");
  });
});

describe("queue markers", () => {
  it("marks a returned report on the engineer's queue and an update on the tenant admin's list, in words", () => {
    const returned = row({ reviewStatus: "RETURNED", status: "CLOSED" });
    expect(text(renderToStaticMarkup(createElement(TicketTable, { rows: [returned], showTenant: true })))).toContain("Returned");
    expect(text(renderToStaticMarkup(createElement(TicketTable, { rows: [row({})], showTenant: true })))).not.toMatch(/Returned|Updated/);
    const updated = row({});
    expect(
      text(renderToStaticMarkup(createElement(TicketTable, { rows: [updated], showTenant: false, updated: new Set([updated.id]) }))),
    ).toContain("Updated");
  });
});
