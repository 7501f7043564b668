import type { Prisma } from "@/generated/prisma/client";
import { computeAuditHash, GENESIS_HASH, type AuditContent } from "./chain";

// Appends one event to the hash-chained audit log. Call inside the transaction that makes the
// change, so the change and its audit row commit together. An advisory lock serialises writers
// across processes, so the chain has no forks.

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

export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    at: input.at ?? new Date(),
    actorId: input.actorId ?? null,
    tenantId: input.tenantId ?? null,
    ticketId: input.ticketId ?? null,
    action: input.action,
    target: input.target ?? null,
    result: input.result ?? "SUCCEEDED",
    details: input.details ?? null,
    requestIds: input.requestIds ?? [],
  };
  return tx.auditEvent.create({
    data: { ...content, details: input.details, prevHash, hash: computeAuditHash(prevHash, content) },
    select: { seq: true, hash: true },
  });
}
