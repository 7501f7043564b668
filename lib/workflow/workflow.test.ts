import { describe, expect, it } from "vitest";
import { CHECKLIST_STEPS } from "@/lib/remediation/steps";
import { closeBlockers } from "./close-gate";
import { closeWarnings } from "./close-warnings";
import { slaBreached, slaReadings } from "@/lib/tickets/sla";
import { availableTransitions, canTransition } from "@/lib/tickets/status-machine";

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
    const steps = mandatory.map((key, i) => ({
      key,
      state: i === 0 ? "NOT_APPLICABLE" : "DONE",
      reason: i === 0 ? "No mailbox" : (null as string | null),
    }));
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

describe("close warnings", () => {
  const finished = {
    advisories: { total: 4, drafts: 0 },
    preventive: { total: 4, open: 0 },
    mfaChecked: true,
    traceRun: true,
    steps: [],
    lessonsLearned: true,
    pendingApprovals: 0,
  };
  it("says nothing when every stage is finished", () => {
    expect(closeWarnings(finished)).toEqual([]);
  });
  it("names what is still in progress, without blocking", () => {
    expect(
      closeWarnings({
        ...finished,
        advisories: { total: 4, drafts: 2 },
        preventive: { total: 4, open: 1 },
        mfaChecked: false,
        traceRun: false,
        lessonsLearned: false,
        pendingApprovals: 1,
        steps: [
          { key: "remove-auth-methods", state: "IN_PROGRESS" },
          { key: "re-enable-sign-in", state: "FAILED" },
          { key: "reset-password", state: "FAILED" },
        ],
      }),
    ).toEqual([
      "2 of 4 advisories are still drafts",
      "No message trace was run",
      "1 of 4 preventive measures is still open",
      "The tenant's MFA coverage was not checked",
      "“Remove attacker-registered sign-in methods” is in progress",
      "“Allow sign-in again” failed",
      "1 approval request is still waiting",
      "Lessons learned are not written",
    ]);
  });
});

describe("SLA clocks", () => {
  const created = new Date("2026-11-24T10:00:00Z");
  it("measures first response and containment against the severity's targets", () => {
    const c = slaReadings(
      { severity: "HIGH", createdAt: created, firstResponseAt: new Date("2026-11-24T10:20:00Z"), containedAt: null },
      new Date("2026-11-24T13:30:00Z"),
    );
    expect(c.firstResponse).toMatchObject({ state: "met", elapsedMs: 20 * 60_000 });
    expect(c.contain!.state).toBe("at risk");
    const late = slaReadings(
      { severity: "CRITICAL", createdAt: created, firstResponseAt: null, containedAt: new Date("2026-11-24T12:00:00Z") },
      new Date("2026-11-24T12:00:00Z"),
    );
    expect(late.firstResponse.state).toBe("breached");
    expect(late.contain!.state).toBe("breached");
  });
  it("stops at the resolution: first response is met only by a public reply, containment does not apply", () => {
    const month = new Date("2026-12-24T10:00:00Z");
    const falsePositive = {
      severity: "HIGH" as const,
      createdAt: created,
      firstResponseAt: null,
      containedAt: null,
      resolvedAt: new Date("2026-11-24T10:20:00Z"),
      closedAt: new Date("2026-11-24T10:25:00Z"),
    };
    // Resolving is not a reply: without a public update the first response was missed.
    expect(slaReadings(falsePositive, month)).toEqual({
      firstResponse: { state: "breached", elapsedMs: 20 * 60_000, targetMs: 30 * 60_000, stopped: true },
      contain: null,
    });
    expect(slaBreached(falsePositive, month)).toEqual({ firstResponse: true, contain: false });
    const answered = { ...falsePositive, firstResponseAt: new Date("2026-11-24T10:15:00Z") };
    expect(slaReadings(answered, month).firstResponse).toEqual({
      state: "met",
      elapsedMs: 15 * 60_000,
      targetMs: 30 * 60_000,
      stopped: true,
    });
    const lateAnswer = { ...falsePositive, resolvedAt: new Date("2026-11-24T12:00:00Z"), closedAt: new Date("2026-11-24T12:05:00Z") };
    expect(slaReadings(lateAnswer, month).firstResponse).toMatchObject({ state: "breached", elapsedMs: 2 * 3_600_000 });
    expect(slaBreached(lateAnswer, month)).toEqual({ firstResponse: true, contain: false });
  });
  it("keeps running for an open or reopened ticket", () => {
    const reopened = {
      severity: "HIGH" as const,
      createdAt: created,
      firstResponseAt: new Date("2026-11-24T10:10:00Z"),
      containedAt: null,
      resolvedAt: null,
      closedAt: null,
    };
    expect(slaBreached(reopened, new Date("2026-11-24T15:00:00Z"))).toEqual({ firstResponse: false, contain: true });
    expect(slaReadings(reopened, new Date("2026-11-24T11:00:00Z")).contain!.state).toBe("running");
  });
});
