import type { Prisma } from "@/generated/prisma/client";
import { getAuditChainKey } from "@/lib/env";
import { computeKeyedHash, GENESIS_HASH, KEYED_VERSION, type AuditContent } from "./chain";

// Appends one event to the hash-chained audit log, keyed with AUDIT_CHAIN_KEY. Call inside the
// transaction that makes the change, so the change and its audit row commit together. An
// advisory lock serialises writers across processes, so the chain has no forks.

const AUDIT_CHAIN_LOCK = 4_727_274;

export type AuditInput = {
  actorId?: string | null;
  tenantId?: string | null;
  ticketId?: string | null;
  action: string;
  target?: string | null;
  result?: "SUCCEEDED" | "FAILED" | "PENDING" | "UNKNOWN" | "DENIED";
  details?: Prisma.InputJsonValue;
  requestIds?: string[];
  /** When it happened: only for importing history (the demo seed); live events take the server's clock. */
  at?: Date;
};

/**
 * Strings as the database will store them: a lone UTF-16 surrogate cannot be stored (text turns
 * it into U+FFFD, jsonb refuses it), so it is replaced before hashing, or the stored row would
 * not match its own hash.
 */
function storable<T>(value: T): T {
  if (typeof value === "string") return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), storable(v)])) as T;
  }
  return value;
}

export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = storable({
    at: input.at ?? new Date(),
    actorId: input.actorId ?? null,
    tenantId: input.tenantId ?? null,
    ticketId: input.ticketId ?? null,
    action: input.action,
    target: input.target ?? null,
    result: input.result ?? "SUCCEEDED",
    details: input.details ?? null,
    requestIds: input.requestIds ?? [],
  });
  return tx.auditEvent.create({
    data: {
      ...content,
      details: (content.details ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash: computeKeyedHash(getAuditChainKey(), prevHash, content),
      chainVersion: KEYED_VERSION,
    },
    select: { seq: true, hash: true },
  });
}
