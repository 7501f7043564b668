import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { verifyPassword } from "@/lib/auth/password";
import { seedTenant, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { listUsers } from "./queries";
import { ZCreateUserInput } from "./schemas";
import { changeUserRole, createUser, setServedTenants, setUserActive } from "./service";
import { viewerOf } from "@/tests/support/viewer";

describe.each(testDbKinds())("user administration on %s", (kind) => {
  let t: TestDb;
  let platform: Viewer;
  let engineer: Viewer;
  let tenantId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db)).id;
    platform = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  });
  afterAll(() => t.close());

  it("creates a user with a hashed password and refuses duplicates as a field error", async () => {
    const input = ZCreateUserInput.parse({
      email: "New.Admin@Contoso.example",
      name: "New Admin",
      role: "TENANT_ADMIN",
      tenantId,
      password: "Str0ngPassword!",
    });
    const { id } = await createUser(t.db, platform, input);
    const row = await t.db.user.findUniqueOrThrow({
      where: { id },
      select: { email: true, role: true, tenantId: true, isActive: true, passwordHash: true },
    });
    expect(row).toMatchObject({ email: "new.admin@contoso.example", role: "TENANT_ADMIN", tenantId, isActive: true });
    expect(await verifyPassword("Str0ngPassword!", row.passwordHash!)).toBe(true);
    await expect(createUser(t.db, platform, input)).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "email" } });
  });

  it("needs a tenant for tenant admins and a strong password", () => {
    expect(ZCreateUserInput.safeParse({ email: "a@b.example", name: "A", role: "TENANT_ADMIN", password: "Str0ngPassword!" }).success).toBe(
      false,
    );
    expect(ZCreateUserInput.safeParse({ email: "a@b.example", name: "A", role: "ENGINEER", password: "short" }).success).toBe(false);
  });

  it("lets only platform admins manage users, never themselves", async () => {
    await expect(listUsers(t.db, engineer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserActive(t.db, engineer, { userId: platform.id, isActive: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserActive(t.db, platform, { userId: platform.id, isActive: false })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(changeUserRole(t.db, platform, { userId: platform.id, role: "ENGINEER" })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });

  it("deactivates and changes roles with an audit trail, and never lists password hashes", async () => {
    await setUserActive(t.db, platform, { userId: engineer.id, isActive: false });
    await changeUserRole(t.db, platform, { userId: engineer.id, role: "MANAGER" });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: engineer.id } })).toMatchObject({ isActive: false, role: "MANAGER" });
    const actions = (await t.db.auditEvent.findMany({ where: { target: engineer.email }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.deactivated", "user.role_changed"]);
    const users = await listUsers(t.db, platform);
    expect(JSON.stringify(users)).not.toContain("scrypt$");
  });
});

describe.each(testDbKinds())("tenants a support engineer serves, administered on %s", (kind) => {
  let t: TestDb;
  let platform: Viewer;
  let contoso: string;
  let fabrikam: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    contoso = (await seedTenant(t.db, { displayName: "Contoso" })).id;
    fabrikam = (await seedTenant(t.db, { displayName: "Fabrikam" })).id;
    platform = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
  });
  afterAll(() => t.close());

  const engineerInput = (extra: object) => ({
    email: `eng-${Math.random().toString(36).slice(2)}@breachdesk.example`,
    name: "New Engineer",
    role: "ENGINEER",
    password: "Str0ngPassword!",
    ...extra,
  });

  it("asks which tenants a new engineer serves, and records them", async () => {
    const none = ZCreateUserInput.safeParse(engineerInput({}));
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((i) => i.path.join("."))).toEqual(["servedTenantIds"]);
    const { id } = await createUser(t.db, platform, ZCreateUserInput.parse(engineerInput({ servedTenantIds: [contoso] })));
    const row = await t.db.user.findUniqueOrThrow({
      where: { id },
      select: { servesAllTenants: true, servedTenants: { select: { tenantId: true } } },
    });
    expect(row).toEqual({ servesAllTenants: false, servedTenants: [{ tenantId: contoso }] });
    const created = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.created", details: { path: ["serves"], array_contains: ["Contoso"] } },
    });
    expect(created.details).toMatchObject({ role: "ENGINEER", serves: ["Contoso"] });
  });

  it("changes them with an audit trail; refuses unknown tenants, an empty choice and non-engineers", async () => {
    const { id } = await createUser(t.db, platform, ZCreateUserInput.parse(engineerInput({ servesAllTenants: true })));
    await setServedTenants(t.db, platform, { userId: id, servesAllTenants: false, servedTenantIds: [fabrikam, contoso] });
    const row = await t.db.user.findUniqueOrThrow({
      where: { id },
      select: { email: true, servesAllTenants: true, servedTenants: { select: { tenantId: true }, orderBy: { tenantId: "asc" } } },
    });
    expect(row.servesAllTenants).toBe(false);
    expect(row.servedTenants.map((s) => s.tenantId).sort()).toEqual([contoso, fabrikam].sort());
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.tenants_changed", target: row.email } });
    expect(event.details).toEqual({ serves: ["Contoso", "Fabrikam"] });
    await expect(
      setServedTenants(t.db, platform, { userId: id, servesAllTenants: false, servedTenantIds: ["00000000-0000-4000-8000-000000000009"] }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "servedTenantIds" } });
    await expect(setServedTenants(t.db, platform, { userId: id, servesAllTenants: false, servedTenantIds: [] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      setServedTenants(t.db, platform, { userId: platform.id, servesAllTenants: true, servedTenantIds: [] }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    // Leaving the engineer role drops what was served.
    await changeUserRole(t.db, platform, { userId: id, role: "MANAGER" });
    expect(await t.db.tenantEngineer.count({ where: { userId: id } })).toBe(0);
  });
});
