import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  CHAIN_KEYED_ACTION,
  computeKeyedHash,
  computeLegacyHash,
  findBrokenLink,
  GENESIS_HASH,
  isUnattested,
  START_OF_CHAIN,
  walkChain,
  type AuditContent,
  type ChainedEvent,
} from "./chain";

const KEY = Buffer.alloc(32, 1);

/** A chain as the app writes it: `legacy` unkeyed rows first (as before the key), then keyed ones. */
function chain(contents: AuditContent[], legacy = 0, key = KEY): ChainedEvent[] {
  let prev = GENESIS_HASH;
  return contents.map((content, i) => {
    const chainVersion = i < legacy ? 1 : 2;
    const hash = chainVersion === 1 ? computeLegacyHash(prev, content) : computeKeyedHash(key, prev, content);
    const event = { ...content, seq: BigInt(i + 1), prevHash: prev, hash, chainVersion };
    prev = hash;
    return event;
  });
}

const base: AuditContent = {
  at: new Date("2026-11-24T10:00:00Z"),
  actorId: "u1",
  tenantId: "t1",
  ticketId: null,
  action: "ticket.created",
  target: "INC-1001",
  result: "SUCCEEDED",
  details: { b: 1, a: [2, { d: 3, c: 4 }] },
  requestIds: [],
};
const three = [base, { ...base, action: "comment.added" }, { ...base, result: "FAILED" }];

describe("audit hash chain", () => {
  it("canonical JSON does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { y: 2, x: 1 } })).toBe(canonicalJson({ a: { x: 1, y: 2 }, b: 1 }));
  });

  it("verifies an intact keyed chain", () => {
    expect(findBrokenLink(chain(three), KEY)).toBeNull();
    const walked = walkChain(KEY, START_OF_CHAIN, chain(three));
    expect(walked).toMatchObject({ position: { count: 3, legacyCount: 0, version: 2 } });
  });

  it("finds an edited event, a deleted one and two swapped", () => {
    const edited = chain(three);
    edited[1] = { ...edited[1]!, target: "INC-9999" };
    expect(findBrokenLink(edited, KEY)).toBe(2n);
    const events = chain(three);
    expect(findBrokenLink([events[0]!, events[2]!], KEY)).toBe(3n);
    expect(findBrokenLink([events[0]!, events[2]!, events[1]!], KEY)).toBe(3n);
  });

  it("finds a chain recomputed with another key, and one relabelled as unkeyed after keyed rows", () => {
    expect(findBrokenLink(chain(three, 0, Buffer.alloc(32, 2)), KEY)).toBe(1n);
    const events = chain(three);
    const prev = events[0]!.hash;
    const content: AuditContent = three[1]!;
    events[1] = { ...content, seq: 2n, prevHash: prev, hash: computeLegacyHash(prev, content), chainVersion: 1 };
    const walked = walkChain(KEY, START_OF_CHAIN, events);
    expect(walked).toMatchObject({ broken: { seq: 2n, reason: expect.stringMatching(/before the chain had a key/) } });
  });

  it("keeps unkeyed history unattested until a keyed event vouches for exactly it", () => {
    const legacyOnly = walkChain(KEY, START_OF_CHAIN, chain(three, 3));
    expect("position" in legacyOnly && isUnattested(legacyOnly.position)).toBe(true);
    const upgraded = walkChain(KEY, START_OF_CHAIN, chain([...three, { ...base, action: "later" }], 3));
    expect("position" in upgraded && isUnattested(upgraded.position)).toBe(true);
    const legacy = chain(three, 3);
    const attest = (legacyEvents: number, legacyHead: string) =>
      chain([...three, { ...base, action: CHAIN_KEYED_ACTION, details: { legacyEvents, legacyHead } }], 3);
    const attested = walkChain(KEY, START_OF_CHAIN, attest(3, legacy[2]!.hash));
    expect("position" in attested && !isUnattested(attested.position)).toBe(true);
    expect(walkChain(KEY, START_OF_CHAIN, attest(2, legacy[2]!.hash))).toMatchObject({ broken: { seq: 4n } });
    expect(walkChain(KEY, START_OF_CHAIN, attest(3, legacy[1]!.hash))).toMatchObject({ broken: { seq: 4n } });
  });
});
