import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { listInboxRules } from "@/lib/graph/mailbox";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { recordManualStep } from "./manual-step";
import { runStep } from "./run-step";

describe.each(testDbKinds())("single steps on %s", (kind) => {
  let t: TestDb;
  let sim: RunningSimulator;
  let engineer: Viewer;
  let ticketId: string;
  const graph = () => createTenantGraph({ tenantId: CONTOSO.tenantId, clientId: CONTOSO.clientId, clientSecret: CONTOSO.clientSecret, simulatorUrl: sim.url, retry: { maxRetries: 1, delaySeconds: 1 } });

  beforeAll(async () => {
    t = await createTestDb(kind);
    sim = await startTestSimulator({ validateRequests: true });
    const tenant = await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain });
    const e = await seedUser(t.db, { role: "ENGINEER" });
    engineer = { id: e.id, email: e.email, name: e.name, role: e.role, tenantId: null };
    const reporter = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenant.id });
    ticketId = (await seedTicket(t.db, { tenantId: tenant.id, reporterId: reporter.id, affectedUpn: "megan@contoso.example" })).id;
  });
  afterAll(async () => {
    expect(sim.contractViolations).toEqual([]);
    await sim.stop();
    await t.close();
  });

  it("removes the chosen inbox rule and verifies it is gone; a retry with the same key does not repeat it", async () => {
    const rule = (await listInboxRules(graph(), "megan@contoso.example")).rules[0]!;
    const first = await runStep(t.db, engineer, { ticketId, stepKey: "remove-inbox-rules", params: { ruleId: rule.id }, idempotencyKey: "rule-1" }, { graph: graph() });
    expect(first.outcome).toMatchObject({ status: "SUCCEEDED", verified: true, observed: "The rule is gone from the inbox" });
    const again = await runStep(t.db, engineer, { ticketId, stepKey: "remove-inbox-rules", params: { ruleId: rule.id }, idempotencyKey: "rule-1" }, { graph: graph() });
    expect(again.alreadyRan).toBe(true);
    expect(await t.db.remediationAction.count({ where: { ticketId, kind: "remove-inbox-rules" } })).toBe(1);
  });

  it("confirms the user compromised and blocks then re-enables sign-in, each verified", async () => {
    expect((await runStep(t.db, engineer, { ticketId, stepKey: "confirm-compromised", idempotencyKey: "risk-1" }, { graph: graph() })).outcome).toMatchObject({ status: "SUCCEEDED", verified: true });
    expect((await runStep(t.db, engineer, { ticketId, stepKey: "block-sign-in", idempotencyKey: "block-1" }, { graph: graph() })).outcome!.verified).toBe(true);
    expect((await runStep(t.db, engineer, { ticketId, stepKey: "re-enable-sign-in", idempotencyKey: "enable-1" }, { graph: graph() })).outcome).toMatchObject({ verified: true, observed: "Sign-in is allowed again" });
  });

  it("records a failed removal (no such rule) with Graph's request id", async () => {
    const run = await runStep(t.db, engineer, { ticketId, stepKey: "remove-inbox-rules", params: { ruleId: "missing" }, idempotencyKey: "rule-x" }, { graph: graph() });
    expect(run.outcome!).toMatchObject({ status: "FAILED" });
    expect(run.outcome!.requestIds).toHaveLength(1);
  });

  it("records manual steps done, or skipped only with a reason", async () => {
    await recordManualStep(t.db, engineer, { ticketId, stepKey: "disable-forwarding", state: "DONE", note: "No ForwardingSmtpAddress set." });
    await expect(recordManualStep(t.db, engineer, { ticketId, stepKey: "reset-password", state: "DONE" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const row = await t.db.checklistStep.findFirstOrThrow({ where: { ticketId, key: "disable-forwarding" } });
    expect(row).toMatchObject({ state: "DONE", notes: "No ForwardingSmtpAddress set." });
  });
});
