import { createHmac, timingSafeEqual } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditChainStatus } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/create-client";
import { getAuditChainKey } from "@/lib/env";
import { isUnattested, rowHashMatches, START_OF_CHAIN, walkChain, type BrokenLink, type ChainedEvent, type ChainPosition } from "./chain";

// Verifies the audit chain against the database: the whole chain (at start-up, on a schedule, on
// demand: each run is recorded in AuditVerification), or quickly before a report is snapshotted
// (from the last recorded intact checkpoint to the head, plus every event of the ticket).

type Reader = Prisma.TransactionClient | Db;
export type VerificationKind = "STARTUP" | "SCHEDULED" | "MANUAL" | "REPORT";

const BATCH = 2000;
const EVENT_FIELDS = {
  seq: true,
  at: true,
  actorId: true,
  tenantId: true,
  ticketId: true,
  action: true,
  target: true,
  result: true,
  details: true,
  requestIds: true,
  prevHash: true,
  hash: true,
  chainVersion: true,
} as const;

export type ChainCheck = { status: AuditChainStatus; position: ChainPosition; throughSeq: bigint; broken: BrokenLink | null };

/** Walks the chain from `start` (after seq `afterSeq`) to its head, in batches. */
async function walkFrom(db: Reader, start: ChainPosition, afterSeq: bigint): Promise<ChainCheck> {
  const key = getAuditChainKey();
  let position = start;
  let throughSeq = afterSeq;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gt: throughSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
      select: EVENT_FIELDS,
    });
    if (rows.length === 0) break;
    const result = walkChain(key, position, rows as ChainedEvent[]);
    if ("broken" in result) return { status: "BROKEN", position, throughSeq, broken: result.broken };
    position = result.position;
    throughSeq = rows.at(-1)!.seq;
  }
  return { status: isUnattested(position) ? "UNATTESTED" : "INTACT", position, throughSeq, broken: null };
}

type Checkpoint = { status: AuditChainStatus; throughSeq: bigint; headHash: string; eventCount: number; legacyCount: number };

function checkpointMac(c: Checkpoint): string {
  return createHmac("sha256", getAuditChainKey())
    .update(`audit-checkpoint|${c.status}|${c.throughSeq}|${c.headHash}|${c.eventCount}|${c.legacyCount}`)
    .digest("hex");
}

function recordRun(db: Reader, kind: VerificationKind, startedAt: Date, fromSeq: bigint, check: ChainCheck) {
  const checkpoint: Checkpoint = {
    status: check.status,
    throughSeq: check.throughSeq,
    headHash: check.position.hash,
    eventCount: check.position.count,
    legacyCount: check.position.legacyCount,
  };
  return db.auditVerification.create({
    data: {
      kind,
      startedAt,
      finishedAt: new Date(),
      fromSeq,
      ...checkpoint,
      brokenSeq: check.broken?.seq ?? null,
      brokenAt: check.broken?.at ?? null,
      brokenReason: check.broken?.reason ?? null,
      mac: checkpointMac(checkpoint),
    },
  });
}

/** Verifies the whole chain from its first event and records the result. */
export async function verifyAuditChain(db: Db, kind: Exclude<VerificationKind, "REPORT">) {
  const startedAt = new Date();
  return recordRun(db, kind, startedAt, 0n, await walkFrom(db, START_OF_CHAIN, 0n));
}

/** The latest recorded intact checkpoint, if it was written with our key and its last event is still as it was. */
async function trustedCheckpoint(db: Reader): Promise<{ position: ChainPosition; throughSeq: bigint } | null> {
  const last = await db.auditVerification.findFirst({ where: { status: "INTACT" }, orderBy: { finishedAt: "desc" } });
  if (!last) return null;
  const mac = checkpointMac(last);
  if (mac.length !== last.mac.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(last.mac))) return null;
  if (last.eventCount > 0) {
    const head = await db.auditEvent.findUnique({ where: { seq: last.throughSeq }, select: { hash: true } });
    if (head?.hash !== last.headHash) return null;
  }
  const keyed = last.eventCount > last.legacyCount;
  return {
    throughSeq: last.throughSeq,
    position: {
      hash: last.headHash,
      version: keyed ? 2 : 1,
      legacyCount: last.legacyCount,
      legacyHead: "",
      attested: last.legacyCount > 0,
      count: last.eventCount,
    },
  };
}

/** The first of a ticket's events whose own hash or link to the event before it does not verify. */
async function brokenTicketEvent(db: Reader, ticketId: string): Promise<BrokenLink | null> {
  const key = getAuditChainKey();
  const events = (await db.auditEvent.findMany({ where: { ticketId }, orderBy: { seq: "asc" }, select: EVENT_FIELDS })) as ChainedEvent[];
  if (events.length === 0) return null;
  const links = await db.$queryRaw<{ seq: bigint; prev: string | null }[]>`
    SELECT e.seq, (SELECT p.hash FROM "AuditEvent" p WHERE p.seq < e.seq ORDER BY p.seq DESC LIMIT 1) AS prev
    FROM "AuditEvent" e WHERE e."ticketId" = ${ticketId}`;
  const prevOf = new Map(links.map((l) => [l.seq, l.prev]));
  for (const e of events) {
    if (!rowHashMatches(key, e)) return { seq: e.seq, at: e.at, reason: "its content does not match its hash: it was changed" };
    const prev = prevOf.get(e.seq) ?? null;
    if (e.prevHash !== (prev ?? START_OF_CHAIN.hash))
      return {
        seq: e.seq,
        at: e.at,
        reason: "its link to the previous event does not match: an event before it was removed, inserted or changed",
      };
  }
  return null;
}

/**
 * Before a report is frozen: the chain after the last trusted checkpoint, every event of the
 * ticket, and the last recorded full run. Returns the first broken event, or null.
 */
export async function findBrokenEventForReport(db: Reader, ticketId: string): Promise<BrokenLink | null> {
  const lastRun = await db.auditVerification.findFirst({
    where: { kind: { not: "REPORT" } },
    orderBy: { finishedAt: "desc" },
    select: { status: true, brokenSeq: true, brokenAt: true, brokenReason: true },
  });
  if (lastRun?.status === "BROKEN" && lastRun.brokenSeq !== null) {
    return { seq: lastRun.brokenSeq, at: lastRun.brokenAt ?? new Date(0), reason: lastRun.brokenReason ?? "it did not verify" };
  }
  const startedAt = new Date();
  const from = await trustedCheckpoint(db);
  const tail = await walkFrom(db, from?.position ?? START_OF_CHAIN, from?.throughSeq ?? 0n);
  if (tail.broken) return tail.broken;
  const broken = await brokenTicketEvent(db, ticketId);
  // The next report starts from here (full runs still re-read the older events).
  if (!broken && tail.status === "INTACT" && tail.throughSeq !== from?.throughSeq)
    await recordRun(db, "REPORT", startedAt, from?.throughSeq ?? 0n, tail);
  return broken;
}

export function brokenChainMessage(broken: BrokenLink): string {
  const when = `${broken.at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `The audit log failed verification at event #${broken.seq} (${when}): ${broken.reason}. Reports cannot be closed while it is broken; a platform admin can see the details under Audit log.`;
}
