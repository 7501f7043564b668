import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { SECRET_REQUIRED_MESSAGE, type TCreateTenantInput, type TUpdateTenantInput } from "./schemas";

// Tenant connections (platform admins). A tenant connects through Breachdesk's own app (its admin
// consents; lib/tenants/consent.ts) or its own app registration, whose client secret is required,
// encrypted before it is stored and never read back here; a blank secret on edit keeps the stored
// one. The audit trail names the fields that changed, never the secret's value.

const EDITABLE = [
  "displayName",
  "entraTenantId",
  "primaryDomain",
  "connectionKind",
  "connectionMode",
  "clientId",
  "serviceMailbox",
  "requireApproval",
] as const;

type TenantFields = Omit<TCreateTenantInput, "clientSecret">;

function columnsOf(input: TenantFields) {
  return {
    displayName: input.displayName,
    entraTenantId: input.entraTenantId ?? null,
    primaryDomain: input.primaryDomain,
    connectionKind: input.connectionKind,
    connectionMode: input.connectionMode,
    clientId: input.clientId ?? null,
    serviceMailbox: input.serviceMailbox ?? null,
    requireApproval: input.requireApproval,
  };
}

/** Both unique columns, as field errors; checked again by the database (P2002) for races. */
async function assertUnique(db: Db, input: TenantFields, exceptId?: string) {
  const clash = await db.tenant.findFirst({
    where: {
      OR: [...(input.entraTenantId ? [{ entraTenantId: input.entraTenantId }] : []), { primaryDomain: input.primaryDomain }],
      NOT: exceptId ? { id: exceptId } : undefined,
    },
    select: { entraTenantId: true },
  });
  if (clash) throw duplicateError(clash.entraTenantId === input.entraTenantId ? "entraTenantId" : "primaryDomain");
}

function duplicateError(field: "entraTenantId" | "primaryDomain") {
  return new AppError(
    "INVALID_INPUT",
    field === "entraTenantId" ? "Another tenant already has this tenant id." : "Another tenant already has this primary domain.",
    { field },
  );
}

function rethrowUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = JSON.stringify(error.meta ?? {});
    throw duplicateError(target.includes("primaryDomain") ? "primaryDomain" : "entraTenantId");
  }
  throw error;
}

export async function createTenant(db: Db, viewer: Viewer, input: TCreateTenantInput, encryptionKey: string) {
  assertCan(viewer, "tenants.manage");
  await assertUnique(db, input);
  const clientSecretEncrypted = input.clientSecret ? encryptSecret(input.clientSecret, encryptionKey) : null;
  return db
    .$transaction(async (tx) => {
      const tenant = await tx.tenant.create({ data: { ...columnsOf(input), clientSecretEncrypted }, select: { id: true } });
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        tenantId: tenant.id,
        action: "tenant.created",
        target: input.primaryDomain,
        details: {
          connectionKind: input.connectionKind,
          connectionMode: input.connectionMode,
          requireApproval: input.requireApproval,
          secretStored: Boolean(clientSecretEncrypted),
        },
      });
      return tenant;
    })
    .catch(rethrowUniqueViolation);
}

export async function updateTenant(db: Db, viewer: Viewer, input: TUpdateTenantInput, encryptionKey: string) {
  assertCan(viewer, "tenants.manage");
  const current = await db.tenant.findUnique({
    where: { id: input.tenantId },
    select: {
      displayName: true,
      entraTenantId: true,
      primaryDomain: true,
      connectionKind: true,
      connectionMode: true,
      clientId: true,
      serviceMailbox: true,
      requireApproval: true,
    },
  });
  if (!current) throw new AppError("NOT_FOUND", "Tenant not found.");
  if (
    input.connectionMode === "OWN_APP" &&
    !input.clientSecret &&
    !(await db.tenant.count({ where: { id: input.tenantId, clientSecretEncrypted: { not: null } } }))
  ) {
    // Blank keeps the stored secret; with none stored there is nothing to keep.
    throw new AppError("INVALID_INPUT", SECRET_REQUIRED_MESSAGE, { field: "clientSecret" });
  }
  await assertUnique(db, input, input.tenantId);
  const next = columnsOf(input);
  const changed: string[] = EDITABLE.filter((k) => current[k] !== next[k]);
  if (input.clientSecret) changed.push("clientSecret");
  if (!changed.length) return { changed };
  await db
    .$transaction(async (tx) => {
      await tx.tenant.update({
        where: { id: input.tenantId },
        data: {
          ...next,
          ...(input.clientSecret ? { clientSecretEncrypted: encryptSecret(input.clientSecret, encryptionKey) } : {}),
          // A consent was given in the tenant it was given in: another tenant id needs a new one.
          ...(changed.includes("entraTenantId") ? { consentedAt: null, consentedById: null, servicePrincipalId: null } : {}),
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        tenantId: input.tenantId,
        action: "tenant.updated",
        target: input.primaryDomain,
        details: { changed },
      });
    })
    .catch(rethrowUniqueViolation);
  return { changed };
}
