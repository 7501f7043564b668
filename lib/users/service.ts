import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { assertCan } from "@/lib/auth/assert-can";
import { hashPassword } from "@/lib/auth/password";
import { revokeAllUserSessions } from "@/lib/auth/user-sessions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

// User administration (platform admins). Deactivating a user or changing their role revokes all
// of their sessions (lib/auth/user-sessions.ts) in the same transaction, so they are signed out on
// their next request; reactivating does not bring an old session back.

async function assertTenantExists(db: Db, tenantId: string | undefined) {
  if (tenantId && !(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "That tenant does not exist.", { field: "tenantId" });
  }
}

/** The chosen tenants, all of which must exist; their display names for the audit trail. */
async function servedTenantNames(db: Db, tenantIds: string[]) {
  const ids = [...new Set(tenantIds)];
  const rows = await db.tenant.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
  if (rows.length !== ids.length)
    throw new AppError("INVALID_INPUT", "One of the chosen tenants does not exist.", { field: "servedTenantIds" });
  return rows;
}

type Served = { servesAllTenants: boolean; servedTenantIds: string[] };

/** An engineer's choice of tenants, checked: all, or at least one existing tenant; in words for the audit. */
async function checkedServedChoice(db: Db, input: Partial<Served>) {
  const servesAllTenants = Boolean(input.servesAllTenants);
  const served = servesAllTenants ? [] : await servedTenantNames(db, input.servedTenantIds ?? []);
  if (!servesAllTenants && served.length === 0) {
    throw new AppError("INVALID_INPUT", "Choose the tenants this engineer serves, or all tenants.", { field: "servedTenantIds" });
  }
  return { servesAllTenants, served, serves: servesAllTenants ? "all tenants" : served.map((t) => t.displayName) };
}

export async function createUser(
  db: Db,
  viewer: Viewer,
  input: { email: string; name: string; role: Role; tenantId?: string; password: string } & Partial<Served>,
) {
  assertCan(viewer, "users.manage");
  await assertTenantExists(db, input.tenantId);
  const engineer = input.role === "ENGINEER";
  const choice = engineer ? await checkedServedChoice(db, input) : null;
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("INVALID_INPUT", "A user with this email already exists.", { field: "email" });
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        tenantId: input.role === "TENANT_ADMIN" ? input.tenantId : null,
        passwordHash,
        servesAllTenants: choice?.servesAllTenants ?? false,
        servedTenants: { create: (choice?.served ?? []).map((t) => ({ tenantId: t.id })) },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: input.tenantId,
      action: "user.created",
      target: input.email,
      details: { role: input.role, ...(choice ? { serves: choice.serves } : {}) },
    });
    return user;
  });
}

export async function setUserActive(db: Db, viewer: Viewer, input: { userId: string; isActive: boolean }) {
  assertCan(viewer, "users.manage");
  if (input.userId === viewer.id) throw new AppError("INVALID_STATE", "You cannot deactivate your own account.");
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { email: true, tenantId: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { isActive: input.isActive } });
    const sessionsEnded = input.isActive ? 0 : await revokeAllUserSessions(tx, input.userId, "DEACTIVATED");
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: user.tenantId,
      action: input.isActive ? "user.reactivated" : "user.deactivated",
      target: user.email,
      ...(input.isActive ? {} : { details: { sessionsEnded } }),
    });
  });
}

export async function changeUserRole(db: Db, viewer: Viewer, input: { userId: string; role: Role; tenantId?: string }) {
  assertCan(viewer, "users.manage");
  if (input.userId === viewer.id) throw new AppError("INVALID_STATE", "You cannot change your own role.");
  await assertTenantExists(db, input.tenantId);
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { email: true, role: true, tenantId: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  const tenantId = input.role === "TENANT_ADMIN" ? (input.tenantId ?? null) : null;
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, tenantId, ...(input.role === "ENGINEER" ? {} : { servesAllTenants: false }) },
    });
    // Tenants served belong to the engineer role; an engineer made anew starts serving none.
    if (user.role !== input.role) await tx.tenantEngineer.deleteMany({ where: { userId: input.userId } });
    // New rights or another tenant: sessions issued for the old ones end now.
    const changed = user.role !== input.role || user.tenantId !== tenantId;
    const sessionsEnded = changed ? await revokeAllUserSessions(tx, input.userId, "ROLE_CHANGED") : 0;
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: input.tenantId,
      action: "user.role_changed",
      target: user.email,
      details: { from: user.role, to: input.role, sessionsEnded },
    });
  });
}

/** Which tenants an engineer serves. Takes effect on their next request (the scope is read per request). */
export async function setServedTenants(db: Db, viewer: Viewer, input: { userId: string } & Served) {
  assertCan(viewer, "users.manage");
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { email: true, role: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  if (user.role !== "ENGINEER")
    throw new AppError("INVALID_STATE", "Only support engineers serve chosen tenants; other roles see what their role allows.");
  const choice = await checkedServedChoice(db, input);
  await db.$transaction(async (tx) => {
    await tx.tenantEngineer.deleteMany({ where: { userId: input.userId } });
    await tx.user.update({
      where: { id: input.userId },
      data: { servesAllTenants: choice.servesAllTenants, servedTenants: { create: choice.served.map((t) => ({ tenantId: t.id })) } },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "user.tenants_changed",
      target: user.email,
      details: { serves: choice.serves },
    });
  });
}
