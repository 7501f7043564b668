import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { composeReport } from "./compose-report";
import { loadReportFacts } from "./load-facts";
import { renderMarkdown } from "./render-markdown";

const at = (iso: string) => new Date(iso);

describe.each(testDbKinds())("report facts on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("reports what the earliest snapshot found, each removed item by name, and each advisory state with its own time", async () => {
    const tenantId = (await seedTenant(t.db, { displayName: "Contoso (demo)" })).id;
    const riya = await seedUser(t.db, { role: "ENGINEER", name: "Riya Shah" });
    const admin = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId });
    const ticket = await seedTicket(t.db, {
      tenantId,
      reporterId: admin.id,
      assigneeId: riya.id,
      status: "RESOLVED",
      affectedUpn: "megan@contoso.example",
      symptoms: ["BULK_MAIL", "MFA_DISABLED"],
      detectedAt: at("2026-11-24T08:00:00Z"),
      createdAt: at("2026-11-24T08:15:00Z"),
      firstSuspiciousAt: at("2026-11-24T02:03:00Z"),
      containedAt: at("2026-11-24T09:03:00Z"),
    });
    const findings = {
      signIns: {
        flagged: [
          {
            id: "s1",
            at: "2026-11-24T01:45:00Z",
            ip: "102.89.1.7",
            country: "NG",
            clientApp: "IMAP4",
            succeeded: false,
            reasons: ["legacy protocol IMAP4"],
          },
          {
            id: "s2",
            at: "2026-11-24T02:03:00Z",
            ip: "102.89.1.7",
            country: "NG",
            clientApp: "IMAP4",
            succeeded: true,
            reasons: ["legacy protocol IMAP4"],
          },
        ],
      },
      inboxRules: [
        { id: "r1", name: ".", reasons: ["deletes mail"] },
        { id: "r2", name: "..", reasons: ["moves mail to RSS Feeds"] },
      ],
      authMethods: [
        {
          id: "m1",
          kind: "phone",
          detail: "+234 800 000 0000",
          createdAt: "2026-11-24T01:05:00Z",
          reasons: ["registered 2026-11-24 01:05 UTC"],
        },
      ],
      consents: [],
      risk: null,
    };
    const methods = [
      { id: "p", kind: "password" },
      { id: "m1", kind: "phone", detail: "+234 800 000 0000" },
    ];
    // Taken later (after eradication) but inserted first: the order comes from takenAt.
    await t.db.investigationSnapshot.create({
      data: {
        ticketId: ticket.id,
        takenAt: at("2026-11-24T10:30:00Z"),
        data: { authMethods: [{ id: "p", kind: "password" }] },
        findings: { signIns: { flagged: [] }, inboxRules: [], authMethods: [], consents: [], risk: null },
      },
    });
    await t.db.investigationSnapshot.create({
      data: { ticketId: ticket.id, takenAt: at("2026-11-24T08:40:00Z"), data: { authMethods: methods }, findings },
    });

    await t.db.checklistStep.create({
      data: { ticketId: ticket.id, key: "remove-inbox-rules", state: "DONE", doneById: riya.id, doneAt: at("2026-11-24T09:30:00Z") },
    });
    for (const [i, ruleId] of ["r1", "r2"].entries()) {
      await t.db.remediationAction.create({
        data: {
          ticketId: ticket.id,
          tenantId,
          kind: "remove-inbox-rules",
          target: "megan@contoso.example",
          params: { ruleId },
          idempotencyKey: `k-${ticket.id}-${ruleId}`,
          requestedById: riya.id,
          status: "SUCCEEDED",
          verified: true,
          verification: { observed: "The rule is gone from the inbox" },
          startedAt: at(`2026-11-24T09:2${i}:00Z`),
          finishedAt: at(`2026-11-24T09:2${i}:05Z`),
          requestIds: [`req-${ruleId}`],
        },
      });
    }
    await t.db.advisory.create({
      data: {
        ticketId: ticket.id,
        domain: "gmail.com",
        toAddresses: ["abuse@gmail.com"],
        subject: "s",
        body: "b",
        status: "ACKNOWLEDGED",
        sentAt: at("2026-11-24T09:24:00Z"),
        sentById: riya.id,
        acknowledgedAt: at("2026-11-24T11:02:00Z"),
      },
    });
    await t.db.$transaction(async (tx) => {
      await recordAuditEvent(tx, {
        actorId: riya.id,
        tenantId,
        ticketId: ticket.id,
        action: "remediation.started",
        target: "INC-1",
        result: "PENDING",
        details: { steps: ["remove-inbox-rules"], items: [{ step: "remove-inbox-rules", params: { ruleId: "r2" } }] },
      });
      await recordAuditEvent(tx, { actorId: riya.id, tenantId, ticketId: ticket.id, action: "advisory.acknowledged", target: "gmail.com" });
    });

    const text = renderMarkdown(composeReport(await t.db.$transaction((tx) => loadReportFacts(tx, ticket.id))));
    expect(text).toContain("Evidence snapshot taken 2026-11-24 08:40 UTC (the earliest, before anything was removed).");
    expect(text).toContain("Hiding inbox rules (2): “.” deletes mail; “..” moves mail to RSS Feeds.");
    expect(text).toContain(
      "A later evidence snapshot, 2026-11-24 10:30 UTC, found: hiding inbox rules none, flagged sign-in methods none, suspicious app consents none.",
    );
    expect(text).toContain(
      "MFA before containment: not read by the evidence snapshot; the reporter said MFA was not enabled on the account.",
    );
    expect(text).toContain("phone +234 800 000 0000 (flagged: registered 2026-11-24 01:05 UTC; possibly added by the attacker)");
    expect(text).toContain(
      "First successful suspicious sign-in: 2026-11-24 02:03 UTC; an earlier flagged attempt failed at 2026-11-24 01:45 UTC.",
    );
    expect(text).toContain(
      "Remove malicious inbox rules — rule “.”: done; by Riya Shah at 2026-11-24 09:20 UTC; verified: The rule is gone from the inbox; Graph request req-r1",
    );
    expect(text).toContain(
      "Remove malicious inbox rules — rule “..”: done; by Riya Shah at 2026-11-24 09:21 UTC; verified: The rule is gone from the inbox; Graph request req-r2",
    );
    expect(text).toContain(
      "Advisory to gmail.com: sent 2026-11-24 09:24 UTC by Riya Shah; acknowledged by the admins of gmail.com 2026-11-24 11:02 UTC (recorded by Riya Shah).",
    );
    expect(text).toMatch(/UTC Remediation started: Remove malicious inbox rules \(rule “\.\.”\) \(Riya Shah\)/);
    expect(text).toContain("The account megan@contoso.example of Contoso (demo) was reported compromised");
    expect(text).toContain("dwell time (from the first successful suspicious sign-in to containment): 7.0 h");
  });
});
