import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import type { JobQueue } from "@/lib/jobs/queue";
import { listTicketJobs } from "@/lib/jobs/queries";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { openTestQueue } from "@/tests/support/job-queue";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { containCampaignAccountJob, verifyCampaignAccountJob } from "./jobs";
import { addCampaignAccounts, retryFailedCampaignSteps, startCampaignContainment, stopCampaign } from "./service";

// The campaign's web side only records and enqueues: start (all or a selection), stop, retry;
// a foreign viewer finds nothing. No worker runs here.

describe.each(testDbKinds())("campaign service on %s", (kind) => {
  let t: TestDb;
  let queue: JobQueue;
  let engineer: Viewer;
  let outsider: Viewer;
  let ticketId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    queue = await openTestQueue(t, [containCampaignAccountJob, verifyCampaignAccountJob], false);
    const tenant = await seedTenant(t.db, { primaryDomain: "spray.example" });
    const other = await seedTenant(t.db);
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    outsider = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: other.id }));
    const admin = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenant.id });
    ticketId = (await seedTicket(t.db, { tenantId: tenant.id, reporterId: admin.id, affectedUpn: "a@spray.example", status: "TRIAGED" }))
      .id;
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
  });

  it("adds accounts, starts a selection, then the rest, stops, and retries what was stopped", async () => {
    const added = await addCampaignAccounts(t.db, engineer, {
      ticketId,
      accounts: "upn\nb@spray.example\nc@spray.example\nx@elsewhere.example\nb@spray.example",
      source: "CSV",
    });
    expect(added).toMatchObject({ added: 3, foreign: ["x@elsewhere.example"], duplicates: 1 });
    const accounts = await t.db.campaignAccount.findMany({ where: { ticketId }, orderBy: { position: "asc" } });
    expect(accounts.map((a) => a.upn)).toEqual(["a@spray.example", "b@spray.example", "c@spray.example"]);

    expect(await startCampaignContainment(t.db, engineer, { ticketId, accountIds: [accounts[1]!.id] }, { queue })).toEqual({
      accounts: 1,
      steps: 4,
    });
    expect(await startCampaignContainment(t.db, engineer, { ticketId }, { queue })).toEqual({ accounts: 2, steps: 8 });
    await expect(startCampaignContainment(t.db, engineer, { ticketId }, { queue })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await listTicketJobs(t.db, ticketId)).filter((j) => j.state === "created")).toHaveLength(3);

    expect(await stopCampaign(t.db, engineer, { ticketId }, { queue })).toEqual({ steps: 12, jobs: 3 });
    expect(await t.db.campaignStep.count({ where: { ticketId, state: "CANCELLED" } })).toBe(12);
    expect(await retryFailedCampaignSteps(t.db, engineer, { ticketId }, { queue })).toEqual({ accounts: 3, steps: 12 });
    expect(await t.db.campaignStep.count({ where: { ticketId, state: "QUEUED" } })).toBe(12);
  });

  it("finds nothing for a viewer outside the tenant", async () => {
    await expect(stopCampaign(t.db, outsider, { ticketId }, { queue })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      startCampaignContainment(t.db, { ...engineer, role: "ENGINEER", servesAllTenants: false }, { ticketId }, { queue }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
