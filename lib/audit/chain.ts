import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { getAuditChainKey } from "@/lib/env";

// Hash chain over audit events. Each row's hash covers its content and the previous row's hash,
// so changing, reordering, inserting or deleting a row breaks every link after it.
//  - Version 1 (rows written before the chain had a key): sha256(prevHash + canonical JSON).
//    Anyone with the database could recompute it, so it proves little on its own.
//  - Version 2: HMAC-SHA256 with AUDIT_CHAIN_KEY, kept outside the database, over the same input
//    plus the version itself, so a row cannot be relabelled as version 1 to escape the key.
// Versions never go down along the chain. Version-1 rows count only once a keyed row attests
// them (the "audit.chain_keyed" event names how many there were and the last one's hash):
// until then the chain is "unattested", which a platform admin resolves (lib/audit/verify.ts).
// The verifier is fed rows in order of seq, in batches, and the key.

export const GENESIS_HASH = "0".repeat(64);
export const KEYED_VERSION = 2;
export const CHAIN_KEYED_ACTION = "audit.chain_keyed";

export type AuditContent = {
  at: Date;
  actorId: string | null;
  tenantId: string | null;
  ticketId: string | null;
  action: string;
  target: string | null;
  result: string;
  details: unknown;
  requestIds: string[];
};

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The unkeyed rule of version-1 rows (kept to verify them). */
export function computeLegacyHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(content)).digest("hex");
}

export function computeKeyedHash(key: Buffer, prevHash: string, content: AuditContent): string {
  return createHmac("sha256", key)
    .update(prevHash)
    .update(canonicalJson({ ...content, chainVersion: KEYED_VERSION }))
    .digest("hex");
}

export type ChainedEvent = AuditContent & { seq: bigint; prevHash: string; hash: string; chainVersion: number };

export type BrokenLink = { seq: bigint; at: Date; reason: string };

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Whether a row's own hash matches its content and stated predecessor (no look at its neighbours). */
export function rowHashMatches(key: Buffer, event: ChainedEvent): boolean {
  const { prevHash, hash, chainVersion, at, actorId, tenantId, ticketId, action, target, result, details, requestIds } = event;
  const content: AuditContent = { at, actorId, tenantId, ticketId, action, target, result, details, requestIds };
  if (chainVersion === KEYED_VERSION) return sameHex(computeKeyedHash(key, prevHash, content), hash);
  if (chainVersion === 1) return computeLegacyHash(prevHash, content) === hash;
  return false;
}

export type ChainPosition = { hash: string; version: number; legacyCount: number; legacyHead: string; attested: boolean; count: number };

export const START_OF_CHAIN: ChainPosition = {
  hash: GENESIS_HASH,
  version: 1,
  legacyCount: 0,
  legacyHead: GENESIS_HASH,
  attested: false,
  count: 0,
};

/**
 * Walks rows in order from `from` (the start, or a trusted checkpoint). Returns where the chain
 * stands after them, or the first row that does not verify and why.
 */
export function walkChain(key: Buffer, from: ChainPosition, events: ChainedEvent[]): { position: ChainPosition } | { broken: BrokenLink } {
  let p = { ...from };
  for (const e of events) {
    const broken = (reason: string) => ({ broken: { seq: e.seq, at: e.at, reason } });
    if (e.prevHash !== p.hash)
      return broken("its link to the previous event does not match: an event before it was removed, inserted or changed");
    if (e.chainVersion < p.version) return broken("it is marked as written before the chain had a key, after keyed events");
    if (!rowHashMatches(key, e))
      return broken(
        e.chainVersion === KEYED_VERSION
          ? "its content does not match its keyed hash: it was changed"
          : "its content does not match its hash: it was changed",
      );
    if (e.chainVersion === 1) {
      p = { ...p, legacyCount: p.legacyCount + 1, legacyHead: e.hash };
    } else if (e.action === CHAIN_KEYED_ACTION && !p.attested) {
      const d = (e.details ?? {}) as { legacyEvents?: unknown; legacyHead?: unknown };
      if (d.legacyEvents !== p.legacyCount || d.legacyHead !== p.legacyHead)
        return broken("it attests other unkeyed history than the chain holds");
      p = { ...p, attested: true };
    }
    p = { ...p, hash: e.hash, version: e.chainVersion, count: p.count + 1 };
  }
  return { position: p };
}

/** Unkeyed rows that no keyed row vouches for: verifiable only with the old, keyless rule. */
export const isUnattested = (p: ChainPosition) => p.legacyCount > 0 && !p.attested;

/** Returns the seq of the first event that does not verify, or null when intact (whole chains, for tests and tools). */
export function findBrokenLink(events: ChainedEvent[], key = getAuditChainKey()): bigint | null {
  const result = walkChain(key, START_OF_CHAIN, events);
  return "broken" in result ? result.broken.seq : null;
}
