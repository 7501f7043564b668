import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendAdvisory } from "@/lib/advisories/send";
import { listAdvisories } from "@/lib/advisories/queries";
import { draftTicketAdvisories, updateAdvisory } from "@/lib/advisories/service";
import type { Viewer } from "@/lib/auth/viewer";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";
import { checkMfaCoverage } from "@/lib/preventive/mfa-check";
import { getLatestMfaCheck } from "@/lib/preventive/queries";
import { correctRecipientDomain, saveRecipientDomain } from "@/lib/scope/domain-service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { getTraceOverview } from "./queries";
import { ZRunMessageTraceInput } from "./schemas";
import { runMessageTrace } from "./service";
import { viewerOf as asViewer } from "@/tests/support/viewer";

// The resolution and prevention stages against the tenant simulator over its real HTTPS
// protocol: the production Graph client, pointed at the simulator by GRAPH_SIMULATOR_URL.

async function controlGet<T>(sim: RunningSimulator, path: string): Promise<T> {
  const res = await fetch(`${sim.url}/_control${path}`);
  return (await res.json()) as T;
}

// One simulator for the file: getEnv() reads GRAPH_SIMULATOR_URL once per process.
const sim = setUpTestSimulator();
beforeAll(async () => {
  vi.stubEnv("BREACHDESK_DEMO", "1");
  vi.stubEnv("GRAPH_SIMULATOR_URL", sim.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
});

describe.each(testDbKinds())("message trace, advisories and MFA coverage against the simulator on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let manager: Viewer;
  let contosoAdmin: Viewer;
  let fabrikamAdmin: Viewer;
  let contosoId: string;
  let fabrikamId: string;

  beforeAll(async () => {
    sim.reset();
    t = await createTestDb(kind);
    const key = getEnv().BREACHDESK_ENCRYPTION_KEY;
    const tenant = (demo: DemoTenant, serviceMailbox: string | null) =>
      seedTenant(t.db, {
        displayName: demo.displayName,
        entraTenantId: demo.tenantId,
        primaryDomain: demo.primaryDomain,
        connectionKind: "SIMULATED",
        clientId: demo.clientId,
        clientSecretEncrypted: encryptSecret(demo.clientSecret, key),
        serviceMailbox,
      });
    contosoId = (await tenant(CONTOSO, `security@${CONTOSO.primaryDomain}`)).id;
    fabrikamId = (await tenant(FABRIKAM, null)).id;
    engineer = asViewer(await seedUser(t.db, { role: "ENGINEER" }));
    manager = asViewer(await seedUser(t.db, { role: "MANAGER" }));
    contosoAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contosoId }));
    fabrikamAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: fabrikamId }));
  });
  afterAll(() => t?.close());

  const megansTicket = () =>
    seedTicket(t.db, {
      tenantId: contosoId,
      reporterId: contosoAdmin.id,
      affectedUpn: `megan@${CONTOSO.primaryDomain}`,
      detectedAt: new Date(Date.now() - 3_600_000),
    });

  it("traces megan's mail: gmail.com with its pending and getting-status messages, recipient domains for Scope", async () => {
    const ticket = await megansTicket();
    const result = await runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: ticket.id }));
    expect(result.messages).toBe(420 + 24 + 12 + 6 + 8);
    // Traced by the primary SMTP address read from the directory: a trace by the UPN would find nothing.
    expect(result).toMatchObject({ sender: "megan.bowen@contoso.example", truncated: false });
    const overview = await getTraceOverview(t.db, contosoAdmin, { id: ticket.id, tenantPrimaryDomain: CONTOSO.primaryDomain });
    const gmail = overview.summary.find((d) => d.domain === "gmail.com")!;
    expect(overview.summary[0]!.domain).toBe("gmail.com");
    expect(gmail).toMatchObject({ isInternal: false, messageCount: 420 });
    expect(gmail.byStatus.gettingStatus).toBeGreaterThan(0);
    expect(gmail.byStatus.pending).toBeGreaterThan(0);
    expect(gmail.unsettledCount).toBe((gmail.byStatus.gettingStatus ?? 0) + (gmail.byStatus.pending ?? 0));
    expect(overview.lastRun).toMatchObject({
      result: "SUCCEEDED",
      messages: result.messages,
      sender: "megan.bowen@contoso.example",
      truncated: false,
    });

    const domains = await t.db.recipientDomain.findMany({ where: { ticketId: ticket.id }, orderBy: { domain: "asc" } });
    expect(domains.map((d) => [d.domain, d.isInternal, d.source])).toEqual([
      [CONTOSO.primaryDomain, true, "TRACE"],
      ["gmail.com", false, "TRACE"],
      ["hotmail.com", false, "TRACE"],
      ["outlook.com", false, "TRACE"],
      ["yahoo.com", false, "TRACE"],
    ]);
    expect(domains.find((d) => d.domain === "gmail.com")).toMatchObject({ messageCount: 420, recipientCount: gmail.recipientCount });

    // A second run refreshes instead of duplicating.
    await runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: ticket.id }));
    expect(await t.db.messageTraceEntry.count({ where: { ticketId: ticket.id } })).toBe(result.messages);
    const events = await t.db.auditEvent.findMany({ where: { ticketId: ticket.id, action: "message-trace.run" } });
    expect(events).toHaveLength(2);
    expect(events[0]!.requestIds.length).toBeGreaterThan(0);
  });

  it("runs again without overwriting counts an engineer corrected or domains they added", async () => {
    const ticket = await megansTicket();
    await runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: ticket.id }));
    const gmail = await t.db.recipientDomain.findFirstOrThrow({ where: { ticketId: ticket.id, domain: "gmail.com" } });
    const traced = { messages: gmail.messageCount, recipients: gmail.recipientCount };
    await correctRecipientDomain(t.db, engineer, { domainId: gmail.id, version: gmail.version, messageCount: 500, recipientCount: 480 });
    await saveRecipientDomain(t.db, engineer, { ticketId: ticket.id, domain: "partner.example", messageCount: 2, recipientCount: 2 });
    await runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: ticket.id }));
    const after = await t.db.recipientDomain.findMany({ where: { ticketId: ticket.id }, orderBy: { domain: "asc" } });
    expect(after.find((d) => d.domain === "gmail.com")).toMatchObject({
      messageCount: 500,
      recipientCount: 480,
      manualMessageCount: 500,
      traceMessageCount: traced.messages,
      traceRecipientCount: traced.recipients,
      source: "TRACE",
    });
    expect(after.find((d) => d.domain === "partner.example")).toMatchObject({ messageCount: 2, source: "MANUAL", traceMessageCount: null });
    // Untouched trace rows still follow the trace.
    expect(after.find((d) => d.domain === "yahoo.com")).toMatchObject({ manualMessageCount: null, source: "TRACE" });
  });

  it("refuses the trace and the MFA check on a closed ticket", async () => {
    const ticket = await seedTicket(t.db, {
      tenantId: contosoId,
      reporterId: contosoAdmin.id,
      affectedUpn: `megan@${CONTOSO.primaryDomain}`,
      status: "CLOSED",
      closedAt: new Date(),
    });
    const closed = { code: "INVALID_STATE", message: expect.stringContaining("The ticket is closed") };
    await expect(runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: ticket.id }))).rejects.toMatchObject(closed);
    await expect(checkMfaCoverage(t.db, engineer, { ticketId: ticket.id })).rejects.toMatchObject(closed);
    expect(await t.db.messageTraceEntry.count({ where: { ticketId: ticket.id } })).toBe(0);
    expect(await t.db.mfaCoverageCheck.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("reports a window Graph would refuse on its field, and Graph's own refusal in words", async () => {
    const ticket = await megansTicket();
    const input = ZRunMessageTraceInput.parse({ ticketId: ticket.id, startDate: new Date(Date.now() - 100 * 86_400_000).toISOString() });
    await expect(runMessageTrace(t.db, engineer, input)).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "startDate" } });
    // Fabrikam has no message-trace service principal in the simulator.
    const fabrikamTicket = await seedTicket(t.db, {
      tenantId: fabrikamId,
      reporterId: fabrikamAdmin.id,
      affectedUpn: `lidia@${FABRIKAM.primaryDomain}`,
    });
    await expect(runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: fabrikamTicket.id }))).rejects.toMatchObject({
      code: "UPSTREAM_ERROR",
      message: expect.stringContaining("Message trace is not enabled for this tenant"),
    });
    const failed = await t.db.auditEvent.findFirst({ where: { ticketId: fabrikamTicket.id, action: "message-trace.run" } });
    expect(failed).toMatchObject({ result: "FAILED" });
  });

  it("sends the gmail.com advisory from the service mailbox, once, and records it", async () => {
    const ticket = await megansTicket();
    await runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: ticket.id }));
    await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    const gmail = (await listAdvisories(t.db, engineer, ticket.id)).find((a) => a.domain === "gmail.com")!;
    await updateAdvisory(t.db, engineer, {
      advisoryId: gmail.id,
      version: 1,
      toAddresses: ["admin@gmail.com"],
      subject: gmail.subject,
      body: gmail.body,
    });
    // A double click: one send goes out, the other is refused.
    const both = await Promise.allSettled([1, 2].map(() => sendAdvisory(t.db, engineer, { advisoryId: gmail.id, version: 2 })));
    const [ok, refused] = [both.filter((r) => r.status === "fulfilled"), both.filter((r) => r.status === "rejected")];
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "INVALID_STATE" });
    const sent = (ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof sendAdvisory>>>).value;
    expect(sent.requestId).toBeTruthy();
    await expect(sendAdvisory(t.db, engineer, { advisoryId: gmail.id, version: 3 })).rejects.toMatchObject({ code: "INVALID_STATE" });

    const outbox = await controlGet<{ from: string; to: string[]; subject: string; body: string }[]>(
      sim,
      `/tenants/${CONTOSO.tenantId}/outbox`,
    );
    const mine = outbox.filter((m) => m.subject === gmail.subject);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ from: `security@${CONTOSO.primaryDomain}`, to: ["admin@gmail.com"] });
    // The advisory names the address the recipients saw: Megan's primary SMTP address, not her UPN.
    expect(mine[0]!.body).toContain("megan.bowen@contoso.example");
    const [after] = (await listAdvisories(t.db, contosoAdmin, ticket.id)).filter((a) => a.domain === "gmail.com");
    expect(after).toMatchObject({ status: "SENT", version: 3, requestId: sent.requestId, sentVia: "graph" });
    const event = await t.db.auditEvent.findFirst({ where: { ticketId: ticket.id, action: "advisory.sent" } });
    expect(event).toMatchObject({ result: "SUCCEEDED", requestIds: [sent.requestId] });
  });

  it("never sends from a missing or compromised service mailbox", async () => {
    const ticket = await megansTicket();
    await runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: ticket.id }));
    await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    const [first] = await listAdvisories(t.db, engineer, ticket.id);
    await t.db.tenant.update({ where: { id: contosoId }, data: { serviceMailbox: `MEGAN@${CONTOSO.primaryDomain}` } });
    try {
      await expect(sendAdvisory(t.db, engineer, { advisoryId: first!.id, version: 1 })).rejects.toMatchObject({
        code: "INVALID_STATE",
        message: expect.stringContaining("never sent from a compromised mailbox"),
      });
      await t.db.tenant.update({ where: { id: contosoId }, data: { serviceMailbox: null } });
      await expect(sendAdvisory(t.db, engineer, { advisoryId: first!.id, version: 1 })).rejects.toMatchObject({
        code: "INVALID_STATE",
        message: expect.stringContaining("No service mailbox is configured"),
      });
    } finally {
      await t.db.tenant.update({ where: { id: contosoId }, data: { serviceMailbox: `security@${CONTOSO.primaryDomain}` } });
    }
    expect((await listAdvisories(t.db, engineer, ticket.id))[0]).toMatchObject({ status: "DRAFTED", version: 1 });
  });

  it("a 5xx from sendMail leaves the outcome unknown: sending again needs the engineer to say so", async () => {
    const ticket = await megansTicket();
    await runMessageTrace(t.db, engineer, ZRunMessageTraceInput.parse({ ticketId: ticket.id }));
    await draftTicketAdvisories(t.db, engineer, { ticketId: ticket.id });
    const [first] = await listAdvisories(t.db, engineer, ticket.id);
    sim.configure({ faults: [{ operation: "sendMail", status: 500, times: 1 }] });
    await expect(sendAdvisory(t.db, engineer, { advisoryId: first!.id, version: 1 })).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      message: expect.stringContaining("Check the Sent Items"),
    });
    expect((await listAdvisories(t.db, engineer, ticket.id))[0]).toMatchObject({ status: "SEND_UNKNOWN", version: 1 });
    expect(await t.db.auditEvent.findFirst({ where: { ticketId: ticket.id, action: "advisory.sent" } })).toMatchObject({
      result: "UNKNOWN",
    });
    await expect(sendAdvisory(t.db, engineer, { advisoryId: first!.id, version: 1 })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(sendAdvisory(t.db, engineer, { advisoryId: first!.id, version: 1, resendAfterUnknown: true })).resolves.toMatchObject({
      version: 2,
    });
  });

  it("records the tenant's MFA coverage with numbers matching the simulator's users", async () => {
    const ticket = await megansTicket();
    const check = await checkMfaCoverage(t.db, engineer, { ticketId: ticket.id });
    const users = await controlGet<{ userPrincipalName: string; isAdmin: boolean; accountEnabled: boolean; methods: { kind: string }[] }[]>(
      sim,
      `/tenants/${CONTOSO.tenantId}/users`,
    );
    const registered = users.filter((u) => u.methods.some((m) => m.kind !== "password"));
    expect(check).toMatchObject({ totalUsers: users.length, mfaRegistered: registered.length });
    const latest = await getLatestMfaCheck(t.db, contosoAdmin, { id: ticket.id, tenantId: contosoId });
    expect(latest).toMatchObject({
      totalUsers: users.length,
      mfaRegistered: registered.length,
      isFromThisTicket: true,
      requestId: expect.any(String),
    });
    expect(latest!.adminsWithoutMfa).toBe(users.filter((u) => u.isAdmin && !registered.includes(u)).length);
    const without = latest!.usersWithoutMfa.map((u) => u.userPrincipalName).sort();
    expect(without).toEqual(
      users
        .filter((u) => !registered.includes(u))
        .map((u) => u.userPrincipalName)
        .sort(),
    );
    // Grady never set up MFA; megan counts as registered because of the attacker's phone.
    expect(without).toContain(`grady@${CONTOSO.primaryDomain}`);
    expect(latest!.checkedAt).toBeInstanceOf(Date);
    // Another tenant's admin does not see it.
    expect(await getLatestMfaCheck(t.db, fabrikamAdmin, { id: ticket.id, tenantId: contosoId })).toBeNull();
  });

  it("lets engineers run Graph steps; managers and tenant admins are refused, other tenants' tickets not found", async () => {
    const ticket = await megansTicket();
    const input = ZRunMessageTraceInput.parse({ ticketId: ticket.id });
    for (const viewer of [manager, contosoAdmin, fabrikamAdmin]) {
      await expect(runMessageTrace(t.db, viewer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(checkMfaCoverage(t.db, viewer, { ticketId: ticket.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(sendAdvisory(t.db, viewer, { advisoryId: "00000000-0000-4000-8000-000000000000", version: 1 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    // What another tenant's admin reads of this ticket is nothing.
    expect((await getTraceOverview(t.db, fabrikamAdmin, { id: ticket.id, tenantPrimaryDomain: CONTOSO.primaryDomain })).total).toBe(0);
    expect(await t.db.auditEvent.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});
