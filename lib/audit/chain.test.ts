import { describe, expect, it } from "vitest";
import { canonicalJson, computeAuditHash, findBrokenLink, GENESIS_HASH, type AuditContent, type ChainedEvent } from "./chain";

function chain(contents: AuditContent[]): ChainedEvent[] {
  let prev = GENESIS_HASH;
  return contents.map((content, i) => {
    const hash = computeAuditHash(prev, content);
    const event = { ...content, seq: BigInt(i + 1), prevHash: prev, hash };
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

describe("audit hash chain", () => {
  it("canonical JSON does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { y: 2, x: 1 } })).toBe(canonicalJson({ a: { x: 1, y: 2 }, b: 1 }));
  });

  it("verifies an intact chain", () => {
    expect(findBrokenLink(chain([base, { ...base, action: "comment.added" }, { ...base, result: "FAILED" }]))).toBeNull();
  });

  it("finds an edited event", () => {
    const events = chain([base, { ...base, action: "comment.added" }, { ...base, action: "x" }]);
    events[1] = { ...events[1]!, target: "INC-9999" };
    expect(findBrokenLink(events)).toBe(2n);
  });

  it("finds a deleted event", () => {
    const events = chain([base, { ...base, action: "a" }, { ...base, action: "b" }]);
    expect(findBrokenLink([events[0]!, events[2]!])).toBe(3n);
  });
});
