import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { changeUserRole, setUserActive } from "@/lib/users/service";
import { seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { checkUserSession, describeSessionEnd, revokeUserSession, startUserSession } from "./user-sessions";

const limits = { idleMinutes: 30, maxAgeHours: 8 };
const MIN = 60_000;

describe.each(testDbKinds())("server-side sessions on %s", (kind) => {
  let t: TestDb;
  let platform: Viewer;
  beforeAll(async () => {
    t = await createTestDb(kind);
    platform = await seedUser(t.db, { role: "PLATFORM_ADMIN" });
  });
  afterAll(() => t.close());

  async function signedIn(role: Viewer["role"] = "ENGINEER") {
    const user = await seedUser(t.db, { role });
    const sid = await startUserSession(t.db, { userId: user.id, ip: "203.0.113.4", userAgent: "vitest" });
    return { user, claims: { sid, uid: user.id, role: user.role } };
  }
  const check = (claims: object, now?: Date) => checkUserSession(t.db, claims, limits, { touch: true, now });
  const lastSeen = async (sid: string) => (await t.db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;

  it("finds the user of a live session, and refuses tokens that do not match their session", async () => {
    const { user, claims } = await signedIn();
    await expect(check(claims)).resolves.toEqual({
      user: { id: user.id, email: user.email, name: user.name, role: "ENGINEER", tenantId: null, servesAllTenants: true },
    });
    const other = await seedUser(t.db, { role: "ENGINEER" });
    await expect(check({ ...claims, uid: other.id })).resolves.toEqual({ ended: "missing" });
    await expect(check({ ...claims, role: "PLATFORM_ADMIN" })).resolves.toEqual({ ended: "role-changed" });
    await expect(check({ uid: user.id, role: "ENGINEER" })).resolves.toEqual({ ended: "missing" });
    await expect(check({ ...claims, sid: "00000000-0000-4000-8000-000000000000" })).resolves.toEqual({ ended: "missing" });
  });

  it("ends a session on sign-out for good", async () => {
    const { claims } = await signedIn();
    expect(await revokeUserSession(t.db, claims.sid, "SIGNED_OUT")).toBe(true);
    expect(await revokeUserSession(t.db, claims.sid, "SIGNED_OUT")).toBe(false);
    await expect(check(claims)).resolves.toEqual({ ended: "signed-out" });
  });

  it("ends every session of a deactivated user; reactivating does not revive them", async () => {
    const { user, claims } = await signedIn();
    const second = await startUserSession(t.db, { userId: user.id });
    await setUserActive(t.db, platform, { userId: user.id, isActive: false });
    await expect(check(claims)).resolves.toEqual({ ended: "deactivated" });
    await expect(describeSessionEnd(t.db, { ...claims, sid: second }, limits)).resolves.toBe("deactivated");
    await setUserActive(t.db, platform, { userId: user.id, isActive: true });
    await expect(check(claims)).resolves.toEqual({ ended: "revoked" });
    await expect(check({ ...claims, sid: second })).resolves.toEqual({ ended: "revoked" });
    const fresh = await startUserSession(t.db, { userId: user.id });
    await expect(check({ ...claims, sid: fresh })).resolves.toMatchObject({ user: { id: user.id } });
  });

  it("ends the sessions of a user whose role changes", async () => {
    const { user, claims } = await signedIn();
    await changeUserRole(t.db, platform, { userId: user.id, role: "MANAGER" });
    await expect(check(claims)).resolves.toEqual({ ended: "role-changed" });
    await expect(check({ ...claims, role: "MANAGER" })).resolves.toEqual({ ended: "role-changed" });
  });

  it("ends a session idle past SESSION_IDLE_MINUTES (backdated lastSeenAt), and keeps a used one alive", async () => {
    const idle = await signedIn();
    await t.db.userSession.update({ where: { id: idle.claims.sid }, data: { lastSeenAt: new Date(Date.now() - 31 * MIN) } });
    await expect(check(idle.claims)).resolves.toEqual({ ended: "idle" });
    const used = await signedIn();
    await t.db.userSession.update({ where: { id: used.claims.sid }, data: { lastSeenAt: new Date(Date.now() - 29 * MIN) } });
    await expect(check(used.claims)).resolves.toMatchObject({ user: { id: used.user.id } });
    // The check moved the idle clock: 29 more minutes later it is still alive.
    await expect(check(used.claims, new Date(Date.now() + 29 * MIN))).resolves.toMatchObject({ user: { id: used.user.id } });
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const { claims } = await signedIn();
    const start = await lastSeen(claims.sid);
    await check(claims, new Date(start.getTime() + 30_000));
    expect(await lastSeen(claims.sid)).toEqual(start);
    const later = new Date(start.getTime() + 61_000);
    await check(claims, later);
    expect(await lastSeen(claims.sid)).toEqual(later);
  });

  it("ends a session past the absolute limit however recently used", async () => {
    const { claims } = await signedIn();
    await t.db.userSession.update({ where: { id: claims.sid }, data: { createdAt: new Date(Date.now() - 8 * 60 * MIN - 1000) } });
    await expect(check(claims)).resolves.toEqual({ ended: "expired" });
  });
});
