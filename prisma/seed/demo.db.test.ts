import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { verifyPassword } from "@/lib/auth/password";
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
    const statuses = new Set((await t.db.ticket.findMany({ select: { status: true } })).map((x) => x.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
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
