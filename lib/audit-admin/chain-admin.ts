import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { CHAIN_KEYED_ACTION, START_OF_CHAIN, walkChain, type ChainedEvent } from "@/lib/audit/chain";
import { recordAuditEvent } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { getAuditChainKey } from "@/lib/env";

// The platform admin's view of the audit chain (/admin/audit): its last verification, a run on
// demand, and the one-time attestation of history written before the chain had a key.

export async function getAuditChainOverview(db: Db, viewer: Viewer) {
  assertCan(viewer, "audit.verify");
  const [lastRun, lastFull, events, head, keyedAt] = await Promise.all([
    db.auditVerification.findFirst({ orderBy: { finishedAt: "desc" } }),
    db.auditVerification.findFirst({ where: { kind: { not: "REPORT" } }, orderBy: { finishedAt: "desc" } }),
    db.auditEvent.count(),
    db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, at: true } }),
    db.auditEvent.findFirst({
      where: { action: CHAIN_KEYED_ACTION },
      orderBy: { seq: "asc" },
      select: { seq: true, at: true, details: true, actor: { select: { name: true } } },
    }),
  ]);
  return { lastRun, lastFull, events, head, keyedAt };
}

export async function verifyAuditChainNow(db: Db, viewer: Viewer) {
  assertCan(viewer, "audit.verify");
  return verifyAuditChain(db, "MANUAL");
}

/**
 * Vouches, with the key, for the events written before the chain had one. Only a person can
 * decide that this history is genuine: the app never attests by itself, so a tamperer who
 * rewrites the whole chain in the old, keyless form gets "unattested", not "intact".
 */
export async function attestUnkeyedHistory(db: Db, viewer: Viewer) {
  assertCan(viewer, "audit.verify");
  const key = getAuditChainKey();
  await db.$transaction(async (tx) => {
    const legacy = (await tx.auditEvent.findMany({ where: { chainVersion: 1 }, orderBy: { seq: "asc" } })) as ChainedEvent[];
    const walked = walkChain(key, START_OF_CHAIN, legacy);
    if ("broken" in walked)
      throw new AppError("INVALID_STATE", `The unkeyed history does not verify at event #${walked.broken.seq}: it cannot be attested.`);
    const { legacyCount, legacyHead, count } = walked.position;
    if (legacyCount === 0) throw new AppError("INVALID_STATE", "There is no unkeyed history to attest.");
    if (await tx.auditEvent.findFirst({ where: { action: CHAIN_KEYED_ACTION }, select: { seq: true } })) {
      throw new AppError("INVALID_STATE", "The unkeyed history was attested already.");
    }
    await recordAuditEvent(tx, { actorId: viewer.id, action: CHAIN_KEYED_ACTION, details: { legacyEvents: count, legacyHead } });
  });
  return verifyAuditChain(db, "MANUAL");
}
