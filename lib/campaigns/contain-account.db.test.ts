import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { writesOf } from "@/simulator/write-count";
import { contosoGraph } from "@/tests/support/contoso-graph";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { containCampaignAccount, StepsInDoubt } from "./contain-account";
import { addCampaignAccounts } from "./service";

// One campaign account's job body against the simulator over HTTPS: four writes in one round
// trip; a step left SENDING by a run that died after its write is read back, not written again;
// one whose write never left is written once its in-doubt bound has passed.

const upn = (i: number) => `bulk.user${i}@${CONTOSO.primaryDomain}`;

describe.each(testDbKinds())("campaign account containment on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let engineer: Viewer;
  let tenantId: string;
  let adminId: string;
  const graph = () => contosoGraph(sim.url);
  const writesFor = (u: string) =>
    Object.entries(writesOf(sim.runtime, CONTOSO.tenantId))
      .filter(([k]) => k.includes(`/users/${u}`))
      .map(([k, n]) => [k.replace(u, "<upn>"), n])
      .sort();
  const campaign = async (n: number) => {
    const ticket = await seedTicket(t.db, { tenantId, reporterId: adminId, affectedUpn: upn(0), status: "TRIAGED" });
    await addCampaignAccounts(t.db, engineer, {
      ticketId: ticket.id,
      accounts: Array.from({ length: n }, (_, i) => upn(i)).join("\n"),
      source: "PASTE",
    });
    const accounts = await t.db.campaignAccount.findMany({ where: { ticketId: ticket.id }, orderBy: { position: "asc" } });
    await t.db.campaignStep.updateMany({ where: { ticketId: ticket.id }, data: { state: "QUEUED", queuedAt: new Date() } });
    return { ticket, accounts };
  };

  beforeAll(async () => {
    t = await createTestDb(kind);
    sim = await startTestSimulator({ compromisedUsers: { count: 3 } });
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    adminId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId })).id;
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    await sim.stop();
    await t.close();
  });

  it("never writes to a privileged account: its steps are held for a second person's approval", async () => {
    const ticket = await seedTicket(t.db, { tenantId, reporterId: adminId, affectedUpn: upn(0), status: "TRIAGED" });
    await addCampaignAccounts(t.db, engineer, {
      ticketId: ticket.id,
      accounts: `${upn(0)}\nit-admin@${CONTOSO.primaryDomain}`,
      source: "PASTE",
    });
    await t.db.campaignStep.updateMany({ where: { ticketId: ticket.id }, data: { state: "QUEUED", queuedAt: new Date() } });
    const admin = await t.db.campaignAccount.findFirstOrThrow({ where: { ticketId: ticket.id, upn: `it-admin@${CONTOSO.primaryDomain}` } });
    const result = await containCampaignAccount(t.db, admin.id, { graph: graph() });
    expect(result).toMatchObject({ accepted: 0, failed: 4 });
    expect(writesFor(`it-admin@${CONTOSO.primaryDomain}`)).toEqual([]);
    const steps = await t.db.campaignStep.findMany({ where: { accountId: admin.id } });
    expect(
      steps.every(
        (s) => s.state === "FAILED" && /Privileged account \(Global Administrator.*second person must approve/.test(s.error ?? ""),
      ),
    ).toBe(true);
  });

  it("sends the four writes once and records each as accepted", async () => {
    const { accounts } = await campaign(1);
    const result = await containCampaignAccount(t.db, accounts[0]!.id, { graph: graph() });
    expect(result).toEqual({ accepted: 4, failed: 0, recovered: 0, skipped: 0, verify: true });
    expect(writesFor(upn(0))).toEqual([
      ["PATCH /beta/users/<upn>/authentication/requirements perUserMfaState", 1],
      ["PATCH /v1.0/users/<upn> accountEnabled", 1],
      ["PATCH /v1.0/users/<upn> passwordProfile", 1],
      ["POST /v1.0/users/<upn>/revokesigninsessions", 1],
    ]);
    // A second run finds nothing to do.
    expect(await containCampaignAccount(t.db, accounts[0]!.id, { graph: graph() })).toEqual({
      accepted: 0,
      failed: 0,
      recovered: 0,
      skipped: 0,
      verify: true, // its read-back has not run yet
    });
    expect(writesFor(upn(0)).every(([, n]) => n === 1)).toBe(true);
  });

  it("reads back a step left SENDING after its write landed, and never writes it again", async () => {
    const { accounts } = await campaign(2);
    const account = accounts[1]!;
    await containCampaignAccount(t.db, account.id, { graph: graph() });
    // As if the process died after sending, before recording: the rows still say SENDING.
    const sentAt = new Date(Date.now() - 1_000);
    await t.db.campaignStep.updateMany({ where: { accountId: account.id }, data: { state: "SENDING", sentAt } });
    // Past Graph's replication delay (the simulator's clock also moves its read lag).
    sim.runtime.clock.advance(30_000);
    const result = await containCampaignAccount(t.db, account.id, { graph: graph() });
    expect(result.recovered).toBe(4);
    expect(writesFor(upn(1)).every(([, n]) => n === 1)).toBe(true);
    expect(await t.db.campaignStep.count({ where: { accountId: account.id, state: "ACCEPTED", recovered: true } })).toBe(4);
  });

  it("waits while writes that may not have landed are within their bound, then writes them once", async () => {
    const { accounts } = await campaign(3);
    const account = accounts[2]!;
    // The process died before its v1.0 batch (reset and block) left: nothing in the tenant.
    const batch = { accountId: account.id, stepKey: { in: ["block-sign-in", "reset-password"] } };
    const sentAt = new Date();
    await t.db.campaignStep.updateMany({ where: batch, data: { state: "SENDING", sentAt } });
    await t.db.campaignStep.updateMany({
      where: { accountId: account.id, stepKey: { in: ["enforce-mfa", "revoke-sessions"] } },
      data: { state: "ACCEPTED" },
    });
    await expect(containCampaignAccount(t.db, account.id, { graph: graph() })).rejects.toBeInstanceOf(StepsInDoubt);
    expect(writesFor(upn(2))).toEqual([]);
    // A minute on: the block is past its bound and not applied, so the batch never reached Graph —
    // the reset did not land either, though its own bound (the audit's delay) has not passed.
    await t.db.campaignStep.updateMany({ where: batch, data: { sentAt: new Date(sentAt.getTime() - 60_000) } });
    expect(await containCampaignAccount(t.db, account.id, { graph: graph() })).toMatchObject({ accepted: 2 });
    expect(writesFor(upn(2))).toEqual([
      ["PATCH /v1.0/users/<upn> accountEnabled", 1],
      ["PATCH /v1.0/users/<upn> passwordProfile", 1],
    ]);
  });
});
