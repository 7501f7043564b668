import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { saveAttachment } from "@/lib/attachments/service";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { addComment } from "@/lib/comments/service";
import { transitionTicket, updateOutcome } from "@/lib/workflow/service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { composeReport } from "./compose-report";
import { loadReportFacts } from "./load-facts";
import { getReportForViewer, reviewReport } from "./review";

// The report a tenant admin reads (the approved version) holds nothing internal: no internal
// note, no internal evidence, not even its file name (the ticket's timeline keeps them for staff).

describe.each(testDbKinds())("the report a tenant admin reads, on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer, manager: Viewer, admin: Viewer;
  let tenantId: string;
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), "bd-evidence-"));
  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db)).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    manager = viewerOf(await seedUser(t.db, { role: "MANAGER" }));
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(evidenceDir, { recursive: true, force: true });
  });

  it("leaves out internal notes and internal evidence with its file name; keeps public evidence", async () => {
    const ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id, status: "RESOLVED" })).id;
    const attach = (viewer: Viewer, fileName: string, visibility: "PUBLIC" | "INTERNAL") =>
      saveAttachment(t.db, viewer, { ticketId, fileName, bytes: Buffer.from("evidence"), visibility, evidenceDir });
    await attach(engineer, "attacker-ip-list-SECRET-7f3a.txt", "INTERNAL");
    await attach(admin, "bounce-from-customer.txt", "PUBLIC");
    await addComment(t.db, engineer, { ticketId, body: "Internal: the CFO reused this password SECRET-91c2", visibility: "INTERNAL" });
    for (const s of CHECKLIST_STEPS.filter((x) => x.mandatory))
      await t.db.checklistStep.create({ data: { ticketId, key: s.key, state: "DONE" } });
    const version = async () => (await t.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).version;
    await updateOutcome(t.db, engineer, {
      ticketId,
      version: await version(),
      outcomeSummary: "Contained",
      lessonsLearned: "",
      closureReason: "Resolved",
    });
    await transitionTicket(t.db, engineer, { ticketId, transition: "close", version: await version() });
    await reviewReport(t.db, manager, { ticketId, version: 1, decision: "APPROVED" });

    const { versions } = await getReportForViewer(t.db, admin, ticketId);
    const seen = JSON.stringify(versions);
    expect(seen).not.toContain("SECRET-7f3a");
    expect(seen).not.toContain("SECRET-91c2");
    expect(seen).not.toMatch(/\(internal\)/);
    expect(versions[0]!.markdown).toContain("Evidence attached: bounce-from-customer.txt (public)");
    // Left out when the report was composed, not only from the tenant's copy.
    expect((await t.db.reportVersion.findFirstOrThrow({ where: { ticketId } })).markdown).not.toContain("SECRET-7f3a");
  });

  it("drops internal evidence from versions snapshotted before it was left out", async () => {
    const ticketId = (await seedTicket(t.db, { tenantId, reporterId: admin.id, status: "CLOSED", reviewStatus: "APPROVED" })).id;
    const report = composeReport(await t.db.$transaction((tx) => loadReportFacts(tx, ticketId)));
    const timeline = report.sections.at(-1)!;
    timeline.lines = [
      "2026-11-24 09:00 UTC Evidence attached: old-internal-SECRET-aa11.txt (internal) (Riya)",
      "2026-11-24 09:05 UTC Evidence attached: shared.txt (public) (Riya)",
    ];
    const row = await t.db.reportVersion.create({
      data: { ticketId, version: 1, content: JSON.parse(JSON.stringify(report)), markdown: "SECRET-aa11", createdById: engineer.id },
    });
    await t.db.reportReview.create({ data: { reportVersionId: row.id, reviewerId: manager.id, decision: "APPROVED" } });
    const forAdmin = JSON.stringify((await getReportForViewer(t.db, admin, ticketId)).versions);
    expect(forAdmin).not.toContain("SECRET-aa11");
    expect(forAdmin).toContain("shared.txt (public)");
    expect(JSON.stringify((await getReportForViewer(t.db, engineer, ticketId)).versions)).toContain("SECRET-aa11"); // staff read it as stored
  });
});
