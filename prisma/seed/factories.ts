// Factories shared by the demo seed, the database tests and the end-to-end tests. Each returns
// the created row; values not given are unique, so tests can run side by side.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/create-client";

const unique = () => randomUUID().slice(0, 8);

export async function seedTenant(db: Db, data: Partial<Prisma.TenantUncheckedCreateInput> = {}) {
  const id = unique();
  return db.tenant.create({
    data: {
      displayName: `Tenant ${id}`,
      entraTenantId: randomUUID(),
      primaryDomain: `t${id}.example`,
      connectionKind: "SIMULATED",
      ...data,
    },
  });
}

export async function seedUser(
  db: Db,
  data: {
    role: Role;
    email?: string;
    name?: string;
    tenantId?: string | null;
    password?: string;
    isActive?: boolean;
    servesAllTenants?: boolean;
  },
) {
  const id = unique();
  return db.user.create({
    data: {
      email: (data.email ?? `${data.role.toLowerCase()}-${id}@breachdesk.test`).toLowerCase(),
      name: data.name ?? `${data.role} ${id}`,
      role: data.role,
      tenantId: data.tenantId ?? null,
      isActive: data.isActive ?? true,
      // An engineer serves every tenant unless a test says otherwise (servedTenants then).
      servesAllTenants: data.servesAllTenants ?? data.role === "ENGINEER",
      passwordHash: data.password ? await hashPassword(data.password) : null,
    },
  });
}

export async function seedTicket(
  db: Db,
  data: { tenantId: string; reporterId: string } & Partial<Omit<Prisma.TicketUncheckedCreateInput, "tenantId" | "reporterId">>,
) {
  return db.ticket.create({
    data: {
      title: data.title ?? `Compromised account ${unique()}`,
      affectedUpn: data.affectedUpn ?? `user-${unique()}@example.test`,
      symptoms: data.symptoms ?? ["BULK_MAIL"],
      detectedAt: data.detectedAt ?? new Date(),
      severity: data.severity ?? "HIGH",
      ...data,
    },
  });
}

export async function seedComment(
  db: Db,
  data: { ticketId: string; authorId: string; body?: string; visibility?: "PUBLIC" | "INTERNAL"; createdAt?: Date },
) {
  return db.comment.create({
    data: { body: `Comment ${unique()}`, visibility: "PUBLIC", ...data },
  });
}
