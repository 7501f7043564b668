import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { findBrokenLink } from "@/lib/audit/chain";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { seedDemo } from "./demo";
import { E2E_PASSWORD, seedForE2e, ZE2eSeed } from "./e2e";

// Each end-to-end spec's own data, beside the demo's: unique sign-ins, tickets worked like the demo's.
describe.each(testDbKinds())("end-to-end seeding on %s", (kind) => {
  let t: TestDb;
  const key = randomBytes(32).toString("base64");
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedDemo(t.db, key);
  });
  afterAll(() => t.close());

  const request = ZE2eSeed.parse({
    users: [
      { key: "admin", role: "TENANT_ADMIN", tenant: "contoso" },
      { key: "engineer", role: "ENGINEER", serves: ["fabrikam"] },
      { key: "owner", role: "TENANT_ADMIN", tenant: "own" },
    ],
    tickets: [
      {
        key: "closed",
        tenant: "contoso",
        reporter: "admin",
        assignee: "engineer",
        affectedUpn: "alex@contoso.example",
        status: "CLOSED",
        workOf: "alex@contoso.example",
      },
    ],
  });

  it("creates unique sign-ins and tickets twice over, with a report for a closed one and an intact chain", async () => {
    const [first, second] = [await seedForE2e(t.db, request), await seedForE2e(t.db, request)];
    expect(first.users.admin!.email).not.toBe(second.users.admin!.email);
    const admin = await t.db.user.findUniqueOrThrow({
      where: { id: first.users.admin!.id },
      select: { passwordHash: true, tenant: { select: { displayName: true } } },
    });
    expect(admin.tenant?.displayName).toBe("Contoso (demo)");
    expect(await verifyPassword(E2E_PASSWORD, admin.passwordHash!)).toBe(true);
    const engineer = await t.db.user.findUniqueOrThrow({
      where: { id: first.users.engineer!.id },
      include: { servedTenants: { include: { tenant: true } } },
    });
    expect([engineer.servesAllTenants, engineer.servedTenants.map((s) => s.tenant.displayName)]).toEqual([false, ["Fabrikam (demo)"]]);
    expect(first.tenant!.displayName).toMatch(/^E2E tenant /);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { id: first.tickets.closed!.id } });
    expect(ticket).toMatchObject({ status: "CLOSED", assigneeId: engineer.id, reviewStatus: "IN_REVIEW" });
    expect(await t.db.reportVersion.count({ where: { ticketId: ticket.id } })).toBe(1);
    const events = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(findBrokenLink(events.map((e) => ({ ...e, details: e.details ?? null })) as never)).toBeNull();
  });

  it("connects the spec's own tenant to its simulator copy, or leaves it for consent without a secret", async () => {
    const copy = (tag: string) => ({ tenantId: randomUUID(), displayName: `Copy ${tag}`, primaryDomain: `copy-${tag}.example` });
    const owner = [{ key: "owner", role: "TENANT_ADMIN" as const, tenant: "own" as const }];
    const secret = "copy-secret";
    const connected = await seedForE2e(
      t.db,
      ZE2eSeed.parse({
        ownTenant: {
          ...copy("a1"),
          clientId: randomUUID(),
          clientSecret: secret,
          requireApproval: true,
          alertsOpenTickets: true,
          serviceMailbox: "security@copy-a1.example",
        },
        users: owner,
      }),
      { encryptionKey: key },
    );
    // The secret is omitted unless selected (lib/db).
    const select = {
      displayName: true,
      requireApproval: true,
      serviceMailbox: true,
      entraTenantId: true,
      connectionMode: true,
      clientSecretEncrypted: true,
    } as const;
    const row = await t.db.tenant.findUniqueOrThrow({ where: { id: connected.tenant!.id }, select });
    expect(row).toMatchObject({ displayName: "Copy a1", requireApproval: true, serviceMailbox: "security@copy-a1.example" });
    expect(decryptSecret(row.clientSecretEncrypted!, key)).toBe(secret);
    expect(await t.db.tenantAlertSetting.findUnique({ where: { tenantId: connected.tenant!.id } })).toMatchObject({ mode: "AUTOMATIC" });

    const waiting = await seedForE2e(t.db, ZE2eSeed.parse({ ownTenant: copy("b2"), users: owner }), { encryptionKey: key });
    expect(await t.db.tenant.findUniqueOrThrow({ where: { id: waiting.tenant!.id }, select })).toMatchObject({
      entraTenantId: null,
      clientSecretEncrypted: null,
      connectionMode: "DEPLOYMENT_APP",
      serviceMailbox: null,
    });
    await expect(seedForE2e(t.db, ZE2eSeed.parse({ ownTenant: copy("c3"), users: owner }))).rejects.toThrow(/encryption key/);
  });
});
