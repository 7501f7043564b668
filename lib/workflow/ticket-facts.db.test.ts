import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_RECOMMENDATIONS } from "@/lib/preventive/recommendations";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { getStageProgress } from "./progress-query";
import { readTicketFacts } from "./ticket-facts";

// The stage tabs' facts come from one SQL statement of subqueries: each count must be this
// ticket's alone and mean what the stage rules (progress.ts) expect.
const DONE_AT = new Date("2026-12-01T09:30:15.250Z");

describe.each(testDbKinds())("the ticket page's stage progress on %s", (kind) => {
  let t: TestDb;
  let ticket: Awaited<ReturnType<typeof seedTicket>>;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db)).id;
    const reporterId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId })).id;
    ticket = await seedTicket(t.db, { tenantId, reporterId, outcomeSummary: "Contained and cleaned.", lessonsLearned: "  " });
    const other = await seedTicket(t.db, { tenantId, reporterId });
    for (const id of [ticket.id, other.id]) {
      await t.db.affectedUser.createMany({
        data: [
          { ticketId: id, upn: id === ticket.id ? ticket.affectedUpn : other.affectedUpn, isPrimary: true },
          { ticketId: id, upn: `second-${id}@example.test` },
        ],
      });
      await t.db.recipientDomain.createMany({
        data: [
          { ticketId: id, domain: "tenant.example", isInternal: true },
          { ticketId: id, domain: "gmail.com" },
          { ticketId: id, domain: "partner.example" },
        ],
      });
      await t.db.impactAssessment.createMany({
        data: [
          { ticketId: id, category: "FINANCIAL", level: "HIGH" },
          { ticketId: id, category: "DATA", level: "NONE" },
        ],
      });
      await t.db.checklistStep.create({ data: { ticketId: id, key: "BLOCK_SIGN_IN", state: "SKIPPED", reason: "Already blocked" } });
      await t.db.checklistStep.create({ data: { ticketId: id, key: "re-enable-sign-in", state: "DONE", doneAt: DONE_AT } });
      await t.db.advisory.createMany({
        data: [
          { ticketId: id, domain: "gmail.com", toAddresses: [], subject: "s", body: "b", status: "SENT" },
          { ticketId: id, domain: "partner.example", toAddresses: [], subject: "s", body: "b" },
        ],
      });
      await t.db.preventiveItem.createMany({
        data: [
          { ticketId: id, title: SEED_RECOMMENDATIONS[0]! },
          { ticketId: id, title: SEED_RECOMMENDATIONS[1]!, owner: "" },
          { ticketId: id, title: SEED_RECOMMENDATIONS[2]!, status: "DONE" },
          { ticketId: id, title: "Review forwarding rules", status: "IN_PROGRESS" },
        ],
      });
    }
    await t.db.messageTraceEntry.create({
      data: {
        ticketId: ticket.id,
        traceId: "t1",
        senderAddress: ticket.affectedUpn,
        recipient: "a@gmail.com",
        recipientDomain: "gmail.com",
        status: "Delivered",
        receivedAt: new Date(),
      },
    });
  });
  afterAll(() => t.close());

  it("counts only this ticket's rows, each as the stage rules mean it", async () => {
    expect(await readTicketFacts(t.db, ticket.id, ticket.affectedUpn)).toEqual({
      extraUsers: 1,
      domains: 3,
      externalDomains: 2,
      assessed: 2,
      affected: 1,
      steps: expect.arrayContaining([
        { key: "BLOCK_SIGN_IN", state: "SKIPPED", reason: "Already blocked", doneAtMs: null },
        // a timestamp survives the JSON as the same instant, whatever the server's time zone
        { key: "re-enable-sign-in", state: "DONE", reason: null, doneAtMs: DONE_AT.getTime() },
      ]),
      traceRows: 1,
      advisories: 2,
      sent: 1,
      preventive: 4,
      open: 3,
      // the DONE recommendation and the engineer's own item; an empty owner is not a change
      touched: 2,
      mfaChecks: 0,
      drafts: 1,
      pendingApprovals: 0,
      reportVersions: 0,
    });
  });

  it("gives a ticket with nothing recorded zeros and no steps", async () => {
    const empty = await seedTicket(t.db, { tenantId: ticket.tenantId, reporterId: ticket.reporterId });
    const facts = await readTicketFacts(t.db, empty.id, empty.affectedUpn);
    expect(facts.steps).toEqual([]);
    expect(Object.values(facts).filter((v) => typeof v === "number" && v !== 0)).toEqual([]);
  });

  it("reads the outcome from the ticket the page already has", async () => {
    const progress = await getStageProgress(t.db, { ...ticket, outcomeSummary: null });
    const withSummary = await getStageProgress(t.db, ticket);
    expect(progress.outcome).not.toEqual(withSummary.outcome);
  });
});
