import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { transitionTicket, updateOutcome } from "@/lib/workflow/service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { getReportForViewer, getReportStanding, resubmitReport, reviewReport } from "./review";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("reports on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer, manager: Viewer, admin: Viewer, otherAdmin: Viewer, platform: Viewer;
  let tenantId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db, { displayName: "Contoso" })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    manager = viewerOf(await seedUser(t.db, { role: "MANAGER" }));
    platform = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
    otherAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: (await seedTenant(t.db)).id }));
  });
  afterAll(() => t.close());

  const ticketOf = (id: string) => t.db.ticket.findUniqueOrThrow({ where: { id } });
  const versionOf = async (id: string) => (await ticketOf(id)).version;
  const outcome = async (id: string, outcomeSummary: string) =>
    updateOutcome(t.db, engineer, {
      ticketId: id,
      version: await versionOf(id),
      outcomeSummary,
      lessonsLearned: "",
      closureReason: "Resolved",
    });
  const move = async (id: string, transition: "resolve" | "close" | "reopen") =>
    transitionTicket(t.db, engineer, {
      ticketId: id,
      transition,
      version: await versionOf(id),
      reason: transition === "reopen" ? "The report needs new data" : undefined,
    });
  const markdownOf = async (id: string, version: number) =>
    (await t.db.reportVersion.findFirstOrThrow({ where: { ticketId: id, version } })).markdown;

  /** A resolved ticket with its checklist settled and an outcome, closed: version 1 waits for review. */
  async function closedTicket(summary = "First outcome") {
    const id = (await seedTicket(t.db, { tenantId, reporterId: admin.id, status: "RESOLVED", affectedUpn: "megan@contoso.example" })).id;
    await t.db.recipientDomain.create({
      data: { ticketId: id, domain: "contoso.example", isInternal: true, messageCount: 3, recipientCount: 2 },
    });
    await t.db.investigationSnapshot.create({
      data: {
        ticketId: id,
        data: { authMethods: [{ id: "p", kind: "password" }] },
        findings: {
          signIns: { flagged: [] },
          inboxRules: [{ id: "r", name: "RSS", reasons: ["moves mail to RSS Feeds"] }],
          authMethods: [],
          consents: [],
          risk: null,
        },
      },
    });
    for (const s of CHECKLIST_STEPS.filter((x) => x.mandatory))
      await t.db.checklistStep.create({ data: { ticketId: id, key: s.key, state: "DONE" } });
    await outcome(id, summary);
    await move(id, "close");
    return id;
  }

  it("snapshots at close, close included; later edits do not change it; reopen and close again makes version 2", async () => {
    const ticketId = await closedTicket();
    const v1 = (await getReportForViewer(t.db, engineer, ticketId)).versions[0]!;
    expect(v1.version).toBe(1);
    expect(v1.markdown).toContain("What was achieved: First outcome.");
    expect(v1.markdown).toMatch(/UTC Status changed from Resolved to Closed \(ENGINEER /); // the close itself ends the timeline
    expect(v1.markdown).toContain("Internal recipients (the tenant's own domains): contoso.example (3 messages, 2 recipients).");
    expect(v1.markdown).toContain("No second factor was registered on the account.");
    expect(v1.markdown).toContain("Hiding inbox rules (1): “RSS” moves mail to RSS Feeds.");
    await move(ticketId, "reopen");
    await outcome(ticketId, "Second outcome");
    expect(await markdownOf(ticketId, 1)).toContain("First outcome");
    await move(ticketId, "resolve");
    await move(ticketId, "close");
    const versions = (await getReportForViewer(t.db, manager, ticketId)).versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.markdown).toContain("Second outcome");
    expect((await ticketOf(ticketId)).reviewStatus).toBe("IN_REVIEW");
  });

  it("a returned report is revised on the closed ticket and resubmitted; an unchanged one is refused", async () => {
    const ticketId = await closedTicket();
    await expect(outcome(ticketId, "Too early")).rejects.toMatchObject({ code: "INVALID_STATE" }); // in review: not editable
    await reviewReport(t.db, manager, { ticketId, version: 1, decision: "RETURNED", comments: "Name the consent." });
    await expect(resubmitReport(t.db, engineer, { ticketId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("Nothing in the report changed since version 1"),
    });
    expect(await t.db.reportVersion.count({ where: { ticketId } })).toBe(1);
    expect((await ticketOf(ticketId)).reviewStatus).toBe("RETURNED");

    await expect(
      updateOutcome(t.db, engineer, {
        ticketId,
        version: await versionOf(ticketId),
        outcomeSummary: "",
        lessonsLearned: "",
        closureReason: "Resolved",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "outcomeSummary" } });
    await outcome(ticketId, "Consent of 'Mail Sync Pro' revoked at 09:40 UTC.");
    expect(await ticketOf(ticketId)).toMatchObject({ status: "CLOSED", reviewStatus: "RETURNED" });
    expect(await markdownOf(ticketId, 1)).not.toContain("Mail Sync Pro");
    expect(await resubmitReport(t.db, engineer, { ticketId })).toEqual({ version: 2, changed: ["7. Outcome after troubleshooting"] });
    expect(await markdownOf(ticketId, 2)).toContain("What was achieved: Consent of 'Mail Sync Pro' revoked at 09:40 UTC.");
    expect((await ticketOf(ticketId)).reviewStatus).toBe("IN_REVIEW");
    await expect(resubmitReport(t.db, engineer, { ticketId })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("reopening a returned report keeps the manager's comments on the ticket; closing again submits the new version", async () => {
    const ticketId = await closedTicket();
    await reviewReport(t.db, manager, { ticketId, version: 1, decision: "RETURNED", comments: "Add the revoked consent." });
    await move(ticketId, "reopen");
    expect(await ticketOf(ticketId)).toMatchObject({ status: "REOPENED", reviewStatus: "RETURNED" });
    const standing = await getReportStanding(t.db, engineer, ticketId);
    expect(standing).toMatchObject({
      latestVersion: 1,
      approvedVersion: null,
      latestReview: { decision: "RETURNED", comments: "Add the revoked consent.", reportVersion: { version: 1 } },
    });
    await expect(resubmitReport(t.db, engineer, { ticketId })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(reviewReport(t.db, manager, { ticketId, version: 1, decision: "APPROVED" })).rejects.toMatchObject({ code: "CONFLICT" });
    await outcome(ticketId, "Revoked the consent too.");
    await move(ticketId, "resolve");
    await move(ticketId, "close");
    expect((await ticketOf(ticketId)).reviewStatus).toBe("IN_REVIEW");
    expect(await markdownOf(ticketId, 2)).toContain("Revoked the consent too.");
    // The tenant admin sees no manager comments.
    expect((await getReportStanding(t.db, admin, ticketId)).latestReview).toBeNull();
  });

  it("a decision is on the version the manager read: a stale or a second decision is a conflict", async () => {
    const ticketId = await closedTicket();
    await expect(reviewReport(t.db, manager, { ticketId, version: 2, decision: "APPROVED" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(reviewReport(t.db, manager, { ticketId, version: 1, decision: "RETURNED", comments: " " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "comments" },
    });
    const both = await Promise.allSettled([
      reviewReport(t.db, manager, { ticketId, version: 1, decision: "RETURNED", comments: "Say which consent." }),
      reviewReport(t.db, platform, { ticketId, version: 1, decision: "APPROVED" }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((both.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.reportReview.count({ where: { reportVersion: { ticketId } } })).toBe(1);

    // Make sure version 2 exists in review, then decide on the one read before: a conflict.
    const first = (await t.db.reportReview.findFirstOrThrow({ where: { reportVersion: { ticketId } } })).decision;
    if (first === "APPROVED") {
      await move(ticketId, "reopen");
      await move(ticketId, "resolve");
      await outcome(ticketId, "Another outcome");
      await move(ticketId, "close");
    } else {
      await outcome(ticketId, "Consent named.");
      await resubmitReport(t.db, engineer, { ticketId });
    }
    await expect(reviewReport(t.db, manager, { ticketId, version: 1, decision: "APPROVED" })).rejects.toMatchObject({ code: "CONFLICT" });
    await reviewReport(t.db, manager, { ticketId, version: 2, decision: "APPROVED" });
    // Every version keeps its own review history.
    const versions = (await getReportForViewer(t.db, manager, ticketId)).versions;
    expect(versions.map((v) => [v.version, v.reviews.map((r) => r.decision)])).toEqual([
      [2, ["APPROVED"]],
      [1, [first]],
    ]);
  });

  it("who reads which report: staff every version; the tenant admin their own tenant's latest approved one, through reopen and new versions", async () => {
    const ticketId = await closedTicket();
    const read = async (v: Viewer) => (await getReportForViewer(t.db, v, ticketId)).versions.map((x) => x.version);
    for (const v of [admin, otherAdmin]) await expect(getReportForViewer(t.db, v, ticketId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const v of [engineer, manager, platform]) expect(await read(v)).toEqual([1]);
    for (const v of [engineer, admin])
      await expect(reviewReport(t.db, v, { ticketId, version: 1, decision: "APPROVED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reviewReport(t.db, otherAdmin, { ticketId, version: 1, decision: "APPROVED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await reviewReport(t.db, manager, { ticketId, version: 1, decision: "APPROVED", comments: "Fine for the customer, thanks Riya." });
    expect(await read(admin)).toEqual([1]);
    const forAdmin = (await getReportForViewer(t.db, admin, ticketId)).versions[0]!;
    expect(forAdmin.reviews).toEqual([expect.objectContaining({ decision: "APPROVED", comments: null })]);
    await expect(getReportForViewer(t.db, otherAdmin, ticketId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const v of [manager, admin]) await expect(resubmitReport(t.db, v, { ticketId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await move(ticketId, "reopen");
    expect(await read(admin)).toEqual([1]); // reopened: the approved report stays readable
    await outcome(ticketId, "Second outcome");
    await move(ticketId, "resolve");
    await move(ticketId, "close");
    expect(await read(admin)).toEqual([1]); // version 2 waits for review
    expect(await read(manager)).toEqual([2, 1]);
    await reviewReport(t.db, manager, { ticketId, version: 2, decision: "RETURNED", comments: "Shorter, please." });
    expect(await read(admin)).toEqual([1]);
    await outcome(ticketId, "Third outcome");
    await resubmitReport(t.db, engineer, { ticketId });
    await reviewReport(t.db, manager, { ticketId, version: 3, decision: "APPROVED" });
    expect(await read(admin)).toEqual([3]);
    expect((await getReportForViewer(t.db, admin, ticketId)).versions[0]!.markdown).toContain("Third outcome");
    expect((await getReportStanding(t.db, admin, ticketId)).approvedVersion).toBe(3);
    expect((await getReportStanding(t.db, otherAdmin, ticketId)).latestVersion).toBeNull();
  });
});
