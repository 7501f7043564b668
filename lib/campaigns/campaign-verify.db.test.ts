import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import type { JobQueue } from "@/lib/jobs/queue";
import { listTicketJobs } from "@/lib/jobs/queries";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { openTestQueue } from "@/tests/support/job-queue";
import { contosoGraph } from "@/tests/support/contoso-graph";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { decideCampaignApproval } from "./approval-decision";
import { containCampaignAccount } from "./contain-account";
import { containCampaignAccountJob, verifyCampaignAccountJob } from "./jobs";
import { countCampaignPasswords, revealCampaignPasswords } from "./passwords";
import { getCampaignView } from "./queries";
import { addCampaignAccounts, startCampaignContainment } from "./service";
import { verifyCampaignAccount } from "./verify-account";

// A campaign's accounts after Graph accepted their writes, against the simulator over HTTPS with
// its realistic read-after-write lag: each step is read back with the single-account checks; the
// ticket becomes Contained once every started account is verified; the reset passwords are shown
// once; a tenant that requires approval asks once for the selection and runs when it is granted.

const upn = (i: number) => `bulk.user${i}@${CONTOSO.primaryDomain}`;

describe.each(testDbKinds())("campaign verification on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let queue: JobQueue;
  let engineer: Viewer;
  let colleague: Viewer;
  let tenantId: string;
  let adminId: string;
  const graph = () => contosoGraph(sim.url);
  /** A started campaign of `n` accounts (the ticket's own first), with Graph's writes sent and accepted. */
  const containedCampaign = async (n: number, from: number) => {
    const ticket = await seedTicket(t.db, { tenantId, reporterId: adminId, affectedUpn: upn(from), status: "TRIAGED" });
    const list = Array.from({ length: n }, (_, i) => upn(from + i)).join("\n");
    await addCampaignAccounts(t.db, engineer, { ticketId: ticket.id, accounts: list, source: "PASTE" });
    expect(await startCampaignContainment(t.db, engineer, { ticketId: ticket.id }, { queue })).toEqual({ accounts: n, steps: n * 4 });
    const accounts = await t.db.campaignAccount.findMany({ where: { ticketId: ticket.id }, orderBy: { position: "asc" } });
    for (const a of accounts)
      expect(await containCampaignAccount(t.db, a.id, { graph: graph() })).toMatchObject({ accepted: 4, verify: true });
    return { ticket, accounts };
  };
  const status = async (ticketId: string) => (await t.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status;

  beforeAll(async () => {
    vi.stubEnv("BREACHDESK_DEMO", "1"); // getCampaignView reads the pace from the environment
    t = await createTestDb(kind);
    sim = await startTestSimulator({ compromisedUsers: { count: 25 } });
    queue = await openTestQueue(t, [containCampaignAccountJob, verifyCampaignAccountJob], false);
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    colleague = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    adminId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId })).id;
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    vi.unstubAllEnvs();
    await queue.close();
    await sim.stop();
    await t.close();
  });

  it("verifies every account's steps by reading the tenant, then the ticket becomes Contained by itself", async () => {
    const { ticket, accounts } = await containedCampaign(2, 0);
    // Not read back yet: accepted is not contained.
    expect((await getCampaignView(t.db, engineer, ticket.id))!.accounts[0]!.steps["block-sign-in"]!.verification).toBe("Verifying…");

    expect(await verifyCampaignAccount(t.db, accounts[0]!.id, { graph: graph() })).toMatchObject({ verified: 4, unconfirmed: 0 });
    const steps = await t.db.campaignStep.findMany({ where: { accountId: accounts[0]!.id } });
    expect(steps.every((s) => s.verified === true && s.verifiedAt)).toBe(true);
    expect(steps.find((s) => s.stepKey === "block-sign-in")!.observed).toBe("Sign-in is blocked");
    expect(steps.find((s) => s.stepKey === "enforce-mfa")!.observed).toBe("Per-user MFA: enforced");
    // One account of two: the campaign is not contained yet.
    expect(await status(ticket.id)).toBe("TRIAGED");

    await verifyCampaignAccount(t.db, accounts[1]!.id, { graph: graph() });
    const after = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.status).toBe("CONTAINED");
    expect(after.containedAt).not.toBeNull();
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { ticketId: ticket.id, action: "ticket.status_changed" } });
    expect(event.details).toMatchObject({ from: "TRIAGED", to: "CONTAINED", campaignAccounts: 2 });
    const view = (await getCampaignView(t.db, engineer, ticket.id))!;
    expect(view).toMatchObject({ selected: 2, verifiedAccounts: 2 });
    expect(view.accounts[1]!.steps["revoke-sessions"]!.verification).toBe("Verified");
    expect(view.secondsToContain).toBeGreaterThanOrEqual(0);
    expect(view.containedAt).not.toBeNull();
  });

  it("calls a step the tenant does not show within the bound Not verified, re-checks it later, never Failed", async () => {
    const { ticket, accounts } = await containedCampaign(1, 10);
    const account = accounts[0]!;
    // As if the writes went out 25 s ago: the first read is also the last of the bound, and the
    // simulator's replica (1–4 s behind) does not show them yet.
    await t.db.campaignStep.updateMany({ where: { accountId: account.id }, data: { sentAt: new Date(Date.now() - 25_000) } });
    const first = await verifyCampaignAccount(t.db, account.id, { graph: graph() });
    expect(first.unconfirmed).toBeGreaterThan(0);
    expect(first.nextCheckAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    const open = await t.db.campaignStep.findMany({ where: { accountId: account.id, verifiedAt: null } });
    expect(open.every((s) => s.state === "ACCEPTED" && s.checks === 1 && s.nextCheckAt && s.observed)).toBe(true);
    const row = (await getCampaignView(t.db, engineer, ticket.id))!.accounts[0]!;
    expect(Object.values(row.steps).some((s) => s.verification?.startsWith("Not verified ("))).toBe(true);
    expect(await status(ticket.id)).toBe("TRIAGED");

    // The replica catches up; the later re-check settles the steps and contains the ticket.
    sim.runtime.clock.advance(10_000);
    expect(await verifyCampaignAccount(t.db, account.id, { graph: graph() })).toMatchObject({ unconfirmed: 0, nextCheckAt: null });
    expect(await t.db.campaignStep.count({ where: { accountId: account.id, verified: true } })).toBe(4);
    expect(await status(ticket.id)).toBe("CONTAINED");
  });

  it("keeps each reset's password sealed until shown once to the engineer who ran it", async () => {
    const { ticket, accounts } = await containedCampaign(2, 20);
    const sealed = await t.db.temporaryPassword.findMany({ where: { ticketId: ticket.id } });
    expect(sealed.map((p) => p.account).sort()).toEqual([upn(20), upn(21)]);
    expect(sealed.every((p) => p.sealed && p.ownerId === engineer.id && p.actionId)).toBe(true);
    expect(await countCampaignPasswords(t.db, engineer, ticket.id)).toEqual({ count: 2, othersOwn: 0 });

    // A colleague needs a reason, and nothing is shown (or erased) without one.
    await expect(revealCampaignPasswords(t.db, colleague, { ticketId: ticket.id })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await countCampaignPasswords(t.db, engineer, ticket.id)).toEqual({ count: 2, othersOwn: 0 });

    const shown = await revealCampaignPasswords(t.db, engineer, { ticketId: ticket.id });
    expect(shown.map((s) => s.account)).toEqual([upn(20), upn(21)]);
    expect(shown.every((s) => s.password.length >= 12)).toBe(true);
    expect(new Set(shown.map((s) => s.password)).size).toBe(2);
    expect(await t.db.temporaryPassword.count({ where: { ticketId: ticket.id, sealed: null, endedAs: "SHOWN" } })).toBe(2);
    expect(await t.db.auditEvent.count({ where: { ticketId: ticket.id, action: "remediation.password-revealed" } })).toBe(2);
    await expect(revealCampaignPasswords(t.db, engineer, { ticketId: ticket.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(accounts).toHaveLength(2);
  });

  it("asks one approval for the whole selection in a tenant that requires it, and runs it once granted", async () => {
    const other = await seedTenant(t.db, {
      entraTenantId: crypto.randomUUID(),
      primaryDomain: `approval-${crypto.randomUUID().slice(0, 8)}.example`,
      requireApproval: true,
    });
    const ticket = await seedTicket(t.db, {
      tenantId: other.id,
      reporterId: adminId,
      affectedUpn: `a@${other.primaryDomain}`,
      status: "TRIAGED",
    });
    await addCampaignAccounts(t.db, engineer, {
      ticketId: ticket.id,
      accounts: `a@${other.primaryDomain}\nb@${other.primaryDomain}\nc@${other.primaryDomain}`,
      source: "PASTE",
    });
    const asked = await startCampaignContainment(t.db, engineer, { ticketId: ticket.id }, { queue });
    expect(asked).toMatchObject({ accounts: 3, awaitingApproval: expect.stringMatching(/second person's approval/) });
    const approvalId = (asked as { approvalId: string }).approvalId;
    // Asking again waits on the same request; nothing runs meanwhile.
    expect(await startCampaignContainment(t.db, engineer, { ticketId: ticket.id }, { queue })).toMatchObject({ approvalId });
    expect(await t.db.approval.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect(await t.db.campaignStep.count({ where: { ticketId: ticket.id, state: { not: "IDLE" } } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { ticketId: ticket.id, action: "approval.requested" } })).toBe(1);

    await expect(decideCampaignApproval(t.db, engineer, { approvalId, decision: "APPROVED" }, { queue })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await decideCampaignApproval(t.db, colleague, { approvalId, decision: "APPROVED" }, { queue })).toEqual({
      accounts: 3,
      steps: 12,
    });
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe("USED");
    expect(await t.db.campaignStep.count({ where: { ticketId: ticket.id, state: "QUEUED" } })).toBe(12);
    // Run as the requester's: the passwords it sets are theirs.
    expect(await t.db.campaignAccount.count({ where: { ticketId: ticket.id, startedById: engineer.id } })).toBe(3);
    expect((await listTicketJobs(t.db, ticket.id)).filter((j) => j.state === "created")).toHaveLength(3);
    const started = await t.db.auditEvent.findFirstOrThrow({ where: { ticketId: ticket.id, action: "campaign.containment_started" } });
    expect(started.details).toMatchObject({ accounts: 3, steps: 12, approvalId });
  });
});
