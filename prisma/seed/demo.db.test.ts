import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { verifyPassword } from "@/lib/auth/password";
import { findBrokenLink } from "@/lib/audit/chain";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { CONTOSO } from "@/simulator/demo-tenants";
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemoIfAllowed } from "./demo";
import { seedTenant, seedUser } from "./factories";

const key = randomBytes(32).toString("base64");

describe.each(testDbKinds())("demo seed on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("refuses outside demo mode", async () => {
    expect(await seedDemoIfAllowed(t.db, { isDemoMode: false, encryptionKey: key })).toBe("refused-not-demo");
    expect(await t.db.user.count()).toBe(0);
  });

  it("seeds the demo once, with working sign-ins and an encrypted tenant secret", async () => {
    expect(await seedDemoIfAllowed(t.db, { isDemoMode: true, encryptionKey: key })).toBe("seeded");
    expect(await seedDemoIfAllowed(t.db, { isDemoMode: true, encryptionKey: key })).toBe("already-seeded");
    const users = await t.db.user.findMany({ select: { email: true, passwordHash: true, role: true } });
    expect(users.map((u) => u.email).sort()).toEqual(Object.values(DEMO_SIGN_INS).sort());
    for (const u of users) expect(await verifyPassword(DEMO_PASSWORD, u.passwordHash!)).toBe(true);
    const contoso = await t.db.tenant.findUniqueOrThrow({
      where: { entraTenantId: CONTOSO.tenantId },
      select: { displayName: true, connectionKind: true, isDemo: true, clientSecretEncrypted: true },
    });
    expect(contoso).toMatchObject({ displayName: "Contoso (demo)", connectionKind: "SIMULATED", isDemo: true });
    expect(contoso.clientSecretEncrypted).not.toContain(CONTOSO.clientSecret);
    expect(decryptSecret(contoso.clientSecretEncrypted!, key)).toBe(CONTOSO.clientSecret);
    // Northwind waits for its admin to connect it: no tenant id, no secret, no tickets.
    const northwind = await t.db.tenant.findFirstOrThrow({
      where: { displayName: "Northwind (demo)" },
      select: { entraTenantId: true, connectionMode: true, clientSecretEncrypted: true, _count: { select: { tickets: true } } },
    });
    expect(northwind).toEqual({
      entraTenantId: null,
      connectionMode: "DEPLOYMENT_APP",
      clientSecretEncrypted: null,
      _count: { tickets: 0 },
    });
    const statuses = new Set((await t.db.ticket.findMany({ select: { status: true } })).map((x) => x.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
  });

  it("gives every demo ticket its primary account and a history in time order, on an intact audit chain", async () => {
    const tickets = await t.db.ticket.findMany({
      select: { id: true, status: true, affectedUpn: true, affectedUsers: { select: { upn: true, isPrimary: true } } },
    });
    for (const ticket of tickets) expect(ticket.affectedUsers).toEqual([{ upn: ticket.affectedUpn, isPrimary: true }]);
    const events = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const times = events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(findBrokenLink(events.map((e) => ({ ...e, details: e.details ?? null })) as never)).toBeNull();
    const closed = tickets.find((x) => x.status === "CLOSED")!;
    const actions = events.filter((e) => e.ticketId === closed.id).map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual(["ticket.created", "preventive.recommended", "ticket.assigned", "ticket.status_changed"]);
    expect(await t.db.preventiveItem.count({ where: { ticketId: closed.id } })).toBe(4);
    expect(actions.filter((a) => a === "ticket.status_changed")).toHaveLength(4); // → triaged, contained, resolved, closed
  });
});

describe.each(testDbKinds())("demo seed into a production database on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("refuses when a real tenant exists, even in demo mode", async () => {
    await seedTenant(t.db, { isDemo: false });
    expect(await seedDemoIfAllowed(t.db, { isDemoMode: true, encryptionKey: key })).toBe("refused-real-tenants");
    expect(await t.db.user.count()).toBe(0);
  });
});

describe.each(testDbKinds())("demo seed into a database with real users on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("refuses when a user who is not a demo sign-in exists, even without tenants", async () => {
    await seedUser(t.db, { role: "PLATFORM_ADMIN", email: "root@company.example" });
    expect(await seedDemoIfAllowed(t.db, { isDemoMode: true, encryptionKey: key })).toBe("refused-real-users");
    expect(await t.db.tenant.count()).toBe(0);
    expect(await t.db.user.count()).toBe(1);
  });
});
