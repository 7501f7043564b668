import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { control, startTestSimulator } from "@/simulator/test/support";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { getAdvisoryAllowList, listAdvisories } from "./queries";
import { sendAdvisory } from "./send";
import { updateAdvisory, updateAdvisoryAllowList } from "./service";

// Advisories go out from the customer's own mailbox: only to the advisory's domain (or the
// tenant's allow-list), never twice after a crash or a blip, every attempt audited, and an
// engineer's edits to the drafted text visible to the tenant's admin.

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
  vi.stubEnv("BREACHDESK_DEMO", "1");
  vi.stubEnv("GRAPH_SIMULATOR_URL", sim.url);
});
afterAll(async () => {
  await sim?.stop();
  vi.unstubAllEnvs();
});

describe.each(testDbKinds())("sending advisories on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let admin: Viewer;
  let tenantId: string;
  const outbox = async () =>
    (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/outbox`)).body as unknown as { to: string[]; subject: string }[];

  beforeAll(async () => {
    sim.reset(); // a fresh outbox for each database kind
    t = await createTestDb(kind);
    tenantId = (
      await seedTenant(t.db, {
        entraTenantId: CONTOSO.tenantId,
        primaryDomain: CONTOSO.primaryDomain,
        connectionKind: "SIMULATED",
        clientId: CONTOSO.clientId,
        clientSecretEncrypted: encryptSecret(CONTOSO.clientSecret, getEnv().BREACHDESK_ENCRYPTION_KEY),
        serviceMailbox: `security@${CONTOSO.primaryDomain}`,
      })
    ).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
  });
  afterAll(() => t?.close());

  async function drafted(subject: string) {
    const ticket = await seedTicket(t.db, { tenantId, reporterId: admin.id, affectedUpn: `megan@${CONTOSO.primaryDomain}` });
    const a = await t.db.advisory.create({
      data: {
        ticketId: ticket.id,
        domain: "gmail.com",
        toAddresses: ["postmaster@gmail.com"],
        subject,
        body: "Please block.",
        draftedSubject: subject,
        draftedBody: "Please block.",
      },
    });
    return { ticketId: ticket.id, id: a.id };
  }

  it("sends only to the advisory's domain or the tenant's allow-list, checked on the server at edit and at send", async () => {
    const a = await drafted("Recipients");
    await expect(
      updateAdvisory(t.db, engineer, {
        advisoryId: a.id,
        version: 1,
        toAddresses: ["ceo@attacker.example"],
        subject: "Recipients",
        body: "x",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "toAddresses" } });
    // Even a row changed behind the form's back cannot send elsewhere.
    await t.db.advisory.update({ where: { id: a.id }, data: { toAddresses: ["postmaster@gmail.com", "ceo@gmail.com.attacker.example"] } });
    await expect(sendAdvisory(t.db, engineer, { advisoryId: a.id, version: 1 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("ceo@gmail.com.attacker.example"),
    });
    expect((await outbox()).filter((m) => m.subject === "Recipients")).toHaveLength(0);
    // The tenant's admin allows a partner; an engineer cannot.
    await expect(updateAdvisoryAllowList(t.db, engineer, { tenantId, entries: ["@attacker.example"] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await updateAdvisoryAllowList(t.db, admin, { tenantId, entries: ["soc@partner.example"] });
    expect(await getAdvisoryAllowList(t.db, admin, tenantId)).toEqual(["soc@partner.example"]);
    await expect(getAdvisoryAllowList(t.db, engineer, tenantId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await updateAdvisory(t.db, engineer, {
      advisoryId: a.id,
      version: 1,
      toAddresses: ["postmaster@gmail.com", "soc@partner.example"],
      subject: "Recipients",
      body: "Please block.",
    });
    await sendAdvisory(t.db, engineer, { advisoryId: a.id, version: 2 });
    expect((await outbox()).filter((m) => m.subject === "Recipients").map((m) => m.to)).toEqual([
      ["postmaster@gmail.com", "soc@partner.example"],
    ]);
  });

  it("a send whose process died is UNKNOWN, never sent again by itself; a human decides", async () => {
    const a = await drafted("Crashed send");
    // What a process killed inside sendMail leaves: the claim and its attempt, PENDING, minutes ago.
    await t.db.advisory.update({ where: { id: a.id }, data: { status: "SENDING" } });
    await t.db.advisorySendAttempt.create({
      data: {
        advisoryId: a.id,
        actorId: engineer.id,
        fromAddress: `security@${CONTOSO.primaryDomain}`,
        toAddresses: ["postmaster@gmail.com"],
        startedAt: new Date(Date.now() - 10 * 60_000),
      },
    });
    await expect(sendAdvisory(t.db, engineer, { advisoryId: a.id, version: 1 })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("Sent Items"),
    });
    expect((await listAdvisories(t.db, engineer, a.ticketId))[0]).toMatchObject({ status: "SEND_UNKNOWN" });
    expect(await t.db.advisorySendAttempt.findFirstOrThrow({ where: { advisoryId: a.id } })).toMatchObject({ outcome: "UNKNOWN" });
    expect((await outbox()).filter((m) => m.subject === "Crashed send")).toHaveLength(0);
    // The engineer checked the Sent Items: nothing went out; sending again is their explicit choice.
    await sendAdvisory(t.db, engineer, { advisoryId: a.id, version: 1, resendAfterUnknown: true });
    expect((await outbox()).filter((m) => m.subject === "Crashed send")).toHaveLength(1);
    const attempts = await t.db.auditEvent.findMany({
      where: { ticketId: a.ticketId, action: { in: ["advisory.send-attempted", "advisory.sent"] } },
      orderBy: { seq: "asc" },
    });
    expect(attempts.map((e) => [e.action, e.result])).toEqual([
      ["advisory.sent", "UNKNOWN"],
      ["advisory.send-attempted", "PENDING"],
      ["advisory.sent", "SUCCEEDED"],
    ]);
  });

  it("a blip (503) on sendMail is UNKNOWN and never retried blindly; a double click sends once", async () => {
    const a = await drafted("Blip");
    sim.configure({ faults: [{ operation: "sendMail", status: 503, times: 1 }] });
    await expect(sendAdvisory(t.db, engineer, { advisoryId: a.id, version: 1 })).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    sim.configure({ faults: [] });
    expect(await t.db.advisorySendAttempt.findMany({ where: { advisoryId: a.id } })).toEqual([
      expect.objectContaining({ outcome: "UNKNOWN" }),
    ]);
    const both = await Promise.allSettled(
      [1, 2].map(() => sendAdvisory(t.db, engineer, { advisoryId: a.id, version: 1, resendAfterUnknown: true })),
    );
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await outbox()).filter((m) => m.subject === "Blip")).toHaveLength(1);
  });

  it("shows the tenant's admin that an engineer changed the drafted text, and what was drafted", async () => {
    const a = await drafted("Drafted subject");
    expect((await listAdvisories(t.db, admin, a.ticketId))[0]!.drafted).toBeNull();
    await updateAdvisory(t.db, engineer, {
      advisoryId: a.id,
      version: 1,
      toAddresses: ["postmaster@gmail.com"],
      subject: "Drafted subject",
      body: "Send your passwords to us.",
    });
    const [seen] = await listAdvisories(t.db, admin, a.ticketId);
    expect(seen).toMatchObject({ body: "Send your passwords to us.", drafted: { subject: "Drafted subject", body: "Please block." } });
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { ticketId: a.ticketId, action: "advisory.edited" } })).toMatchObject({
      details: expect.objectContaining({ textEdited: true }),
    });
  });
});
