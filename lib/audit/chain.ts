import { createHash } from "node:crypto";

// Hash chain over audit events: hash = sha256(prevHash + canonical JSON of the event's content).
// Changing, reordering or deleting a row breaks every hash after it.

export const GENESIS_HASH = "0".repeat(64);

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

export function computeAuditHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(content)).digest("hex");
}

export type ChainedEvent = AuditContent & { seq: bigint; prevHash: string; hash: string };

/** Returns the seq of the first event whose link or hash does not verify, or null when intact. */
export function findBrokenLink(events: ChainedEvent[]): bigint | null {
  let prev = GENESIS_HASH;
  for (const event of events) {
    const { seq, prevHash, hash, ...content } = event;
    if (prevHash !== prev || computeAuditHash(prevHash, content) !== hash) return seq;
    prev = hash;
  }
  return null;
}
