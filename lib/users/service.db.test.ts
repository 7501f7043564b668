import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { verifyPassword } from "@/lib/auth/password";
import { seedTenant, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { listUsers } from "./queries";
import { ZCreateUserInput } from "./schemas";
import { changeUserRole, createUser, setUserActive } from "./service";

const viewerOf = (u: { id: string; email: string; name: string; role: Viewer["role"]; tenantId: string | null }): Viewer => ({ ...u });

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
    const input = ZCreateUserInput.parse({ email: "New.Admin@Contoso.example", name: "New Admin", role: "TENANT_ADMIN", tenantId, password: "Str0ngPassword!" });
    const { id } = await createUser(t.db, platform, input);
    const row = await t.db.user.findUniqueOrThrow({ where: { id }, select: { email: true, role: true, tenantId: true, isActive: true, passwordHash: true } });
    expect(row).toMatchObject({ email: "new.admin@contoso.example", role: "TENANT_ADMIN", tenantId, isActive: true });
    expect(await verifyPassword("Str0ngPassword!", row.passwordHash!)).toBe(true);
    await expect(createUser(t.db, platform, input)).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "email" } });
  });

  it("needs a tenant for tenant admins and a strong password", () => {
    expect(ZCreateUserInput.safeParse({ email: "a@b.example", name: "A", role: "TENANT_ADMIN", password: "Str0ngPassword!" }).success).toBe(false);
    expect(ZCreateUserInput.safeParse({ email: "a@b.example", name: "A", role: "ENGINEER", password: "short" }).success).toBe(false);
  });

  it("lets only platform admins manage users, never themselves", async () => {
    await expect(listUsers(t.db, engineer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserActive(t.db, engineer, { userId: platform.id, isActive: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserActive(t.db, platform, { userId: platform.id, isActive: false })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(changeUserRole(t.db, platform, { userId: platform.id, role: "ENGINEER" })).rejects.toMatchObject({ code: "INVALID_STATE" });
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
