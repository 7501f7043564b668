import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, FABRIKAM, type DemoTenant } from "@/simulator/demo-tenants";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { deleteInboxRule } from "@/lib/graph/mailbox";
import { getLatestSnapshot, listSnapshots } from "./queries";
import { takeSnapshot } from "./snapshot";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("investigation snapshot on %s", (kind) => {
  let t: TestDb;
  const sim = setUpTestSimulator({ validateRequests: true });
  let engineer: Viewer;
  let reporterId: string;
  const tenantIds = new Map<string, string>();
  const graph = (d: DemoTenant) =>
    createTenantGraph({
      tenantId: d.tenantId,
      clientId: d.clientId,
      clientSecret: d.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 1, delaySeconds: 1 },
    });

  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const d of [CONTOSO, FABRIKAM])
      tenantIds.set(d.tenantId, (await seedTenant(t.db, { entraTenantId: d.tenantId, primaryDomain: d.primaryDomain })).id);
    const e = await seedUser(t.db, { role: "ENGINEER" });
    engineer = viewerOf(e);
    reporterId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenantIds.get(CONTOSO.tenantId)! })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it("collects and flags the seed's evidence, and dates the first suspicious sign-in", async () => {
    const ticket = await seedTicket(t.db, { tenantId: tenantIds.get(CONTOSO.tenantId)!, reporterId, affectedUpn: "megan@contoso.example" });
    const { gaps } = await takeSnapshot(t.db, engineer, { ticketId: ticket.id }, { graph: graph(CONTOSO) });
    expect(gaps).toEqual({});
    const snap = (await getLatestSnapshot(t.db, engineer, ticket.id))!;
    expect(snap.findings.signIns!.homeCountry).toBe("US");
    expect(snap.findings.signIns!.flagged.some((f) => f.reasons.some((r) => r.includes("legacy protocol IMAP4")))).toBe(true);
    // The attacker's address is flagged as unfamiliar; the office line the user signs in from every day is not.
    const byIp = new Map(snap.findings.signIns!.flagged.map((f) => [f.ip, f.reasons]));
    expect(byIp.get("102.89.34.17")).toEqual(expect.arrayContaining(["unfamiliar IP 102.89.34.17 (not one of the user's usual networks)"]));
    expect(byIp.has("198.51.100.24")).toBe(false);
    expect(snap.findings.inboxRules!.map((r) => r.reasons[0])).toEqual(["moves mail to RSS Subscriptions", "deletes mail"]);
    // Graph gives the attacker's phone no date: the audit's "User registered security info" in the window flags it.
    expect(snap.findings.authMethods!.map((m) => [m.kind, m.createdAt])).toEqual([["phone", null]]);
    expect(snap.findings.authMethods![0]!.reasons[0]).toMatch(
      /no registration date; the directory audit shows security info registered .* by megan@contoso\.example/,
    );
    expect(snap.findings.consents!.map((c) => c.app)).toEqual(["Mail Helper Pro"]);
    expect(snap.findings.risk).toMatchObject({ riskState: "atRisk" });
    // Traced by Megan's primary SMTP address (megan.bowen@…), not her UPN: a trace by UPN finds nothing.
    const gmail = snap.findings.recipientDomains!.find((d) => d.domain === "gmail.com")!;
    expect(gmail.messages).toBe(420);
    expect(snap.findings.limits).toEqual({});
    expect((gmail.byStatus.pending ?? 0) + (gmail.byStatus.gettingStatus ?? 0)).toBeGreaterThan(0);
    expect(snap.requestIds.length).toBeGreaterThan(5);
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.firstSuspiciousAt).toBeInstanceOf(Date);
    // The first SUCCESSFUL flagged sign-in (lib/investigation/dwell.ts): no failed attempt counts.
    const successful = snap.findings.signIns!.flagged.filter((f) => f.succeeded).map((f) => new Date(f.at).getTime());
    expect(row.firstSuspiciousAt!.getTime()).toBe(Math.min(...successful));
    // Per-user MFA as it was before anything changed (the seed account has none).
    const stored = await t.db.investigationSnapshot.findFirstOrThrow({ where: { ticketId: ticket.id }, select: { data: true } });
    expect((stored.data as { perUserMfaState: string | null }).perUserMfaState).toBe("disabled");
    expect((await t.db.checklistStep.findFirstOrThrow({ where: { ticketId: ticket.id, key: "snapshot" } })).state).toBe("DONE");
  });

  it("records what Graph refused as gaps instead of failing", async () => {
    const ticket = await seedTicket(t.db, {
      tenantId: tenantIds.get(FABRIKAM.tenantId)!,
      reporterId,
      affectedUpn: "lidia@fabrikam.example",
    });
    const { gaps, findings } = await takeSnapshot(t.db, engineer, { ticketId: ticket.id }, { graph: graph(FABRIKAM) });
    expect(Object.keys(gaps).sort()).toEqual(["messageTrace", "risk", "signIns"]);
    expect(gaps.signIns).toContain("Entra ID P1 licence");
    // Lidia's two hiding rules, and one Graph cannot model (read-only, so removed by hand).
    expect(findings.inboxRules!.map((r) => [r.name, Boolean(r.readOnly)])).toEqual([
      [".", false],
      ["..", false],
      ["...", true],
    ]);
  });

  it("keeps every snapshot: a new one never replaces the first, which stays the evidence before any change", async () => {
    const ticket = await seedTicket(t.db, { tenantId: tenantIds.get(CONTOSO.tenantId)!, reporterId, affectedUpn: "megan@contoso.example" });
    const first = await takeSnapshot(t.db, engineer, { ticketId: ticket.id }, { graph: graph(CONTOSO) });
    const step = await t.db.checklistStep.findFirstOrThrow({ where: { ticketId: ticket.id, key: "snapshot" } });
    const rule = first.findings.inboxRules![0]!;
    await deleteInboxRule(graph(CONTOSO), "megan@contoso.example", rule.id);
    await control(sim, "POST", "/advance-time", { ms: 10_000 }); // Graph's reads catch up with the delete
    const second = await takeSnapshot(t.db, engineer, { ticketId: ticket.id }, { graph: graph(CONTOSO) });

    const all = await listSnapshots(t.db, engineer, ticket.id);
    expect(all.map((s) => [s.id, s.isFirst])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect(all[0]!.findings.inboxRules!.map((r) => r.id)).toContain(rule.id); // what the attacker left, as first seen
    expect(all[1]!.findings.inboxRules!.map((r) => r.id)).not.toContain(rule.id);
    expect((await getLatestSnapshot(t.db, engineer, ticket.id))!.id).toBe(second.id);
    // The checklist step stays the first snapshot's.
    expect(await t.db.checklistStep.findFirstOrThrow({ where: { ticketId: ticket.id, key: "snapshot" } })).toMatchObject({
      doneAt: step.doneAt,
      state: "DONE",
    });
  });
});
