import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { transitionTicket, updateOutcome } from "@/lib/workflow/service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { getReportForViewer, resubmitReport, reviewReport } from "./review";

const viewerOf = (u: { id: string; email: string; name: string; role: Viewer["role"]; tenantId: string | null }): Viewer => ({ ...u });

describe.each(testDbKinds())("reports on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer, manager: Viewer, admin: Viewer, otherAdmin: Viewer;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db, { displayName: "Contoso" })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    manager = viewerOf(await seedUser(t.db, { role: "MANAGER" }));
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
    otherAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: (await seedTenant(t.db)).id }));
    ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id, status: "RESOLVED", affectedUpn: "megan@contoso.example" })).id;
    for (const s of CHECKLIST_STEPS.filter((x) => x.mandatory)) await t.db.checklistStep.create({ data: { ticketId, key: s.key, state: "DONE" } });
    await updateOutcome(t.db, engineer, { ticketId, version: 1, outcomeSummary: "First outcome", lessonsLearned: "", closureReason: "Resolved" });
    await transitionTicket(t.db, engineer, { ticketId, transition: "close", version: 2 });
  });
  afterAll(() => t.close());

  it("snapshots at close; later edits do not change it; reopen and close again makes version 2", async () => {
    const v1 = (await getReportForViewer(t.db, engineer, ticketId)).versions[0]!;
    expect(v1.version).toBe(1);
    expect(v1.markdown).toContain("What was achieved: First outcome.");
    await transitionTicket(t.db, engineer, { ticketId, transition: "reopen", version: 3 });
    await updateOutcome(t.db, engineer, { ticketId, version: 4, outcomeSummary: "Second outcome", lessonsLearned: "", closureReason: "Resolved" });
    expect((await t.db.reportVersion.findFirstOrThrow({ where: { ticketId, version: 1 } })).markdown).toContain("First outcome");
    await transitionTicket(t.db, engineer, { ticketId, transition: "resolve", version: 5 });
    await transitionTicket(t.db, engineer, { ticketId, transition: "close", version: 6 });
    const versions = (await getReportForViewer(t.db, manager, ticketId)).versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.markdown).toContain("Second outcome");
  });

  it("only managers review; returning needs comments; tenant admins read only their approved report", async () => {
    await expect(reviewReport(t.db, engineer, { ticketId, decision: "APPROVED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getReportForViewer(t.db, admin, ticketId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reviewReport(t.db, manager, { ticketId, decision: "RETURNED" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await reviewReport(t.db, manager, { ticketId, decision: "RETURNED", comments: "Name the consent." });
    await resubmitReport(t.db, engineer, { ticketId });
    await reviewReport(t.db, manager, { ticketId, decision: "APPROVED" });
    const forAdmin = await getReportForViewer(t.db, admin, ticketId);
    expect(forAdmin.versions.map((v) => v.version)).toEqual([3]);
    await expect(getReportForViewer(t.db, otherAdmin, ticketId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
