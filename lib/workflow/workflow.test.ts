import { describe, expect, it } from "vitest";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { closeBlockers } from "./close-gate";
import { slaClocks } from "./sla";
import { availableTransitions, canTransition } from "./status-machine";

describe("status machine", () => {
  it("follows NEW → TRIAGED → CONTAINED → RESOLVED → CLOSED, with reopen", () => {
    expect(availableTransitions("NEW")).toEqual(["triage"]);
    expect(canTransition("TRIAGED", "contain")).toBe(true);
    expect(availableTransitions("CONTAINED")).toEqual(["resolve"]);
    expect(availableTransitions("RESOLVED")).toEqual(["close", "reopen"]);
    expect(availableTransitions("CLOSED")).toEqual(["reopen"]);
    expect(availableTransitions("REOPENED")).toEqual(["resolve"]);
  });
  it("refuses skipping ahead", () => {
    expect(canTransition("NEW", "close")).toBe(false);
    expect(canTransition("TRIAGED", "resolve")).toBe(false);
    expect(canTransition("CLOSED", "close")).toBe(false);
  });
});

describe("close gate", () => {
  const mandatory = CHECKLIST_STEPS.filter((s) => s.mandatory).map((s) => s.key);
  const outcome = { summary: "Contained and cleaned.", closureReason: "Resolved" };
  it("passes when every mandatory step is done, or skipped / not applicable with a reason", () => {
    const steps = mandatory.map((key, i) => ({ key, state: i === 0 ? "NOT_APPLICABLE" : "DONE", reason: i === 0 ? "No mailbox" : (null as string | null) }));
    expect(closeBlockers(steps, outcome)).toEqual([]);
  });
  it("names each open step, a skip without reason, and a missing outcome", () => {
    const steps = mandatory.slice(1).map((key) => ({ key, state: "DONE", reason: null as string | null }));
    steps[0] = { key: steps[0]!.key, state: "SKIPPED", reason: " " };
    const blockers = closeBlockers(steps, { summary: "", closureReason: null });
    expect(blockers.map((b) => b.key)).toEqual([mandatory[0], mandatory[1], "outcome", "closureReason"]);
    expect(blockers[0]!.message).toContain("not done");
  });
});

describe("SLA clocks", () => {
  const created = new Date("2026-11-24T10:00:00Z");
  it("measures first response and containment against the severity's targets", () => {
    const c = slaClocks({ severity: "HIGH", createdAt: created, firstResponseAt: new Date("2026-11-24T10:20:00Z"), containedAt: null }, new Date("2026-11-24T13:30:00Z"));
    expect(c.firstResponse).toMatchObject({ state: "met", elapsedMs: 20 * 60_000 });
    expect(c.contain.state).toBe("at risk");
    const late = slaClocks({ severity: "CRITICAL", createdAt: created, firstResponseAt: null, containedAt: new Date("2026-11-24T12:00:00Z") }, new Date("2026-11-24T12:00:00Z"));
    expect(late.firstResponse.state).toBe("breached");
    expect(late.contain.state).toBe("breached");
  });
});
