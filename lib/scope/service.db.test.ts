import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";
import { createTenantGraph } from "@/lib/graph/client";
import { createTicket } from "@/lib/intake/create-ticket";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { correctRecipientDomain, deleteRecipientDomain, revertRecipientDomain, saveRecipientDomain } from "./domain-service";
import { getScope } from "./queries";
import { addAffectedUser, recheckPrimaryAccount, verifyPrimaryAccount } from "./service";
import { viewerOf as asViewer } from "@/tests/support/viewer";

// Stage 2 against a real database and the tenant simulator over HTTPS (the production Graph client).

const sim = setUpTestSimulator();
beforeAll(async () => {
  vi.stubEnv("BREACHDESK_DEMO", "1");
  vi.stubEnv("GRAPH_SIMULATOR_URL", sim.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
});

describe.each(testDbKinds())("scope on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let manager: Viewer;
  let contosoAdmin: Viewer;
  let otherAdmin: Viewer;
  let contosoId: string;
  let unconnectedId: string;
  beforeAll(async () => {
    sim.reset();
    t = await createTestDb(kind);
    const key = getEnv().BREACHDESK_ENCRYPTION_KEY;
    contosoId = (
      await seedTenant(t.db, {
        entraTenantId: CONTOSO.tenantId,
        primaryDomain: CONTOSO.primaryDomain,
        clientId: CONTOSO.clientId,
        clientSecretEncrypted: encryptSecret(CONTOSO.clientSecret, key),
      })
    ).id;
    // A tenant whose Graph connection was never set up: filing must still work.
    unconnectedId = (await seedTenant(t.db, { primaryDomain: "unconnected.example" })).id;
    engineer = asViewer(await seedUser(t.db, { role: "ENGINEER" }));
    manager = asViewer(await seedUser(t.db, { role: "MANAGER" }));
    contosoAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contosoId }));
    otherAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: unconnectedId }));
  });
  afterAll(() => t?.close());

  const file = (viewer: Viewer, affectedUpn: string) =>
    createTicket(t.db, viewer, {
      affectedUpn,
      symptoms: ["BULK_MAIL"],
      detectedAt: new Date(),
      severity: "HIGH",
      title: undefined,
      symptomsNote: undefined,
      tenantId: undefined,
    });
  const primaryOf = async (ticketId: string) => (await getScope(t.db, engineer, ticketId)).users.find((u) => u.isPrimary);
  const noRetryGraph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 1 },
    });

  it("files without Graph, then checks the primary account against the tenant: verified, not found, or could not check", async () => {
    const megan = await file(contosoAdmin, `megan@${CONTOSO.primaryDomain}`);
    expect(await primaryOf(megan.id)).toMatchObject({ upn: `megan@${CONTOSO.primaryDomain}`, tenantCheck: null });
    await expect(verifyPrimaryAccount(t.db, megan.id)).resolves.toEqual({ tenantCheck: "FOUND", reason: null });
    expect(await primaryOf(megan.id)).toMatchObject({
      tenantCheck: "FOUND",
      displayName: "Megan Bowen",
      objectId: expect.any(String),
      checkedAt: expect.any(Date),
    });

    const ghost = await file(contosoAdmin, `ghost@${CONTOSO.primaryDomain}`);
    await verifyPrimaryAccount(t.db, ghost.id);
    expect(await primaryOf(ghost.id)).toMatchObject({ tenantCheck: "NOT_FOUND", objectId: null });

    // Graph down: "could not check", in words, and what the earlier check found is kept.
    sim.configure({ faults: [{ operation: "getUser", status: 503 }] });
    try {
      await expect(recheckPrimaryAccount(t.db, engineer, { ticketId: megan.id }, { graph: noRetryGraph() })).resolves.toMatchObject({
        tenantCheck: "FAILED",
        reason: expect.stringContaining("Microsoft Graph is unavailable"),
      });
    } finally {
      sim.configure({ faults: [] });
    }
    expect(await primaryOf(megan.id)).toMatchObject({
      tenantCheck: "FAILED",
      tenantCheckReason: expect.stringContaining("could not read the user"),
      displayName: "Megan Bowen",
    });
    await recheckPrimaryAccount(t.db, engineer, { ticketId: megan.id });
    expect(await primaryOf(megan.id)).toMatchObject({ tenantCheck: "FOUND", tenantCheckReason: null });

    // No Graph connection at all: the incident is filed; the check says why it could not run.
    const unconnected = await file(otherAdmin, "someone@unconnected.example");
    await verifyPrimaryAccount(t.db, unconnected.id);
    expect(await primaryOf(unconnected.id)).toMatchObject({
      tenantCheck: "FAILED",
      tenantCheckReason: expect.stringContaining("no Graph connection"),
    });
    const events = await t.db.auditEvent.findMany({
      where: { ticketId: megan.id, action: "scope.primary_checked" },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.result, e.actorId])).toEqual([
      ["SUCCEEDED", null],
      ["FAILED", engineer.id],
      ["SUCCEEDED", engineer.id],
    ]);
  });

  it("adds another account only if the tenant has it, and never the primary twice", async () => {
    const ticket = await file(contosoAdmin, `megan@${CONTOSO.primaryDomain}`);
    await addAffectedUser(t.db, engineer, { ticketId: ticket.id, upn: `grady@${CONTOSO.primaryDomain}` });
    await expect(addAffectedUser(t.db, engineer, { ticketId: ticket.id, upn: `ghost@${CONTOSO.primaryDomain}` })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "upn" },
    });
    await expect(addAffectedUser(t.db, engineer, { ticketId: ticket.id, upn: `megan@${CONTOSO.primaryDomain}` })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "upn" },
    });
    const others = (await getScope(t.db, engineer, ticket.id)).users.filter((u) => !u.isPrimary);
    expect(others).toMatchObject([{ upn: `grady@${CONTOSO.primaryDomain}`, displayName: "Grady Archie", tenantCheck: "FOUND" }]);
  });

  it("keeps the engineer's counts apart from the trace's, with a version per row", async () => {
    const ticket = await seedTicket(t.db, { tenantId: contosoId, reporterId: contosoAdmin.id });
    await saveRecipientDomain(t.db, engineer, { ticketId: ticket.id, domain: "gmial.com", messageCount: 3, recipientCount: 2 });
    await expect(
      saveRecipientDomain(t.db, engineer, { ticketId: ticket.id, domain: "gmial.com", messageCount: 9, recipientCount: 9 }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "domain" } });
    // A domain the trace found (as runMessageTrace stores it).
    const gmail = await t.db.recipientDomain.create({
      data: {
        ticketId: ticket.id,
        domain: "gmail.com",
        source: "TRACE",
        traceMessageCount: 420,
        traceRecipientCount: 419,
        messageCount: 420,
        recipientCount: 419,
      },
    });

    const corrected = await correctRecipientDomain(t.db, engineer, {
      domainId: gmail.id,
      version: 1,
      messageCount: 430,
      recipientCount: 425,
    });
    expect(corrected.version).toBe(2);
    // A second engineer who loaded version 1 gets the conflict and changes nothing.
    await expect(
      correctRecipientDomain(t.db, engineer, { domainId: gmail.id, version: 1, messageCount: 1, recipientCount: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Your text is kept") });
    await expect(deleteRecipientDomain(t.db, engineer, { domainId: gmail.id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.recipientDomain.findUniqueOrThrow({ where: { id: gmail.id } })).toMatchObject({
      messageCount: 430,
      recipientCount: 425,
      manualMessageCount: 430,
      traceMessageCount: 420,
      editedById: engineer.id,
      version: 2,
    });

    await revertRecipientDomain(t.db, engineer, { domainId: gmail.id, version: 2 });
    expect(await t.db.recipientDomain.findUniqueOrThrow({ where: { id: gmail.id } })).toMatchObject({
      messageCount: 420,
      recipientCount: 419,
      manualMessageCount: null,
      version: 3,
    });
    const typo = (await getScope(t.db, engineer, ticket.id)).domains.find((d) => d.domain === "gmial.com")!;
    await expect(revertRecipientDomain(t.db, engineer, { domainId: typo.id, version: typo.version })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });

    await deleteRecipientDomain(t.db, engineer, { domainId: typo.id, version: typo.version });
    expect((await getScope(t.db, engineer, ticket.id)).domains.map((d) => d.domain)).toEqual(["gmail.com"]);
    const removed = await t.db.auditEvent.findFirstOrThrow({ where: { ticketId: ticket.id, action: "scope.domain_removed" } });
    expect(removed).toMatchObject({ actorId: engineer.id, details: { domain: "gmial.com", source: "MANUAL", messages: 3 } });
  });

  it("refuses other roles, hides other tenants' rows, and refuses every change on a closed ticket", async () => {
    const ticket = await seedTicket(t.db, {
      tenantId: contosoId,
      reporterId: contosoAdmin.id,
      affectedUpn: `megan@${CONTOSO.primaryDomain}`,
    });
    const row = await t.db.recipientDomain.create({
      data: { ticketId: ticket.id, domain: "gmail.com", traceMessageCount: 5, traceRecipientCount: 5, messageCount: 5, recipientCount: 5 },
    });
    const ref = { domainId: row.id, version: 1 };
    // Tenant admins (own tenant or not) and managers never hold tickets.work: refused before any lookup.
    for (const viewer of [manager, contosoAdmin, otherAdmin]) {
      await expect(
        saveRecipientDomain(t.db, viewer, { ticketId: ticket.id, domain: "x.com", messageCount: 1, recipientCount: 1 }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(correctRecipientDomain(t.db, viewer, { ...ref, messageCount: 1, recipientCount: 1 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(deleteRecipientDomain(t.db, viewer, ref)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(addAffectedUser(t.db, viewer, { ticketId: ticket.id, upn: `grady@${CONTOSO.primaryDomain}` })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(recheckPrimaryAccount(t.db, viewer, { ticketId: ticket.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Another tenant's admin reads nothing of it; an unknown row is "not found".
    expect(await getScope(t.db, otherAdmin, ticket.id)).toEqual({ users: [], domains: [] });
    expect((await getScope(t.db, contosoAdmin, ticket.id)).domains).toHaveLength(1);
    await expect(
      deleteRecipientDomain(t.db, engineer, { domainId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    await t.db.ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED", closedAt: new Date() } });
    const closed = { code: "INVALID_STATE", message: expect.stringContaining("The ticket is closed") };
    await expect(
      saveRecipientDomain(t.db, engineer, { ticketId: ticket.id, domain: "x.com", messageCount: 1, recipientCount: 1 }),
    ).rejects.toMatchObject(closed);
    await expect(correctRecipientDomain(t.db, engineer, { ...ref, messageCount: 1, recipientCount: 1 })).rejects.toMatchObject(closed);
    await expect(revertRecipientDomain(t.db, engineer, ref)).rejects.toMatchObject(closed);
    await expect(deleteRecipientDomain(t.db, engineer, ref)).rejects.toMatchObject(closed);
    await expect(addAffectedUser(t.db, engineer, { ticketId: ticket.id, upn: `grady@${CONTOSO.primaryDomain}` })).rejects.toMatchObject(
      closed,
    );
    await expect(recheckPrimaryAccount(t.db, engineer, { ticketId: ticket.id })).rejects.toMatchObject(closed);
    expect(await t.db.recipientDomain.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ messageCount: 5, version: 1 });
    expect(await t.db.auditEvent.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});
