import { describe, expect, it } from "vitest";
import { campaignContainment, etaWords, progressOf, verificationWords, type TimedStep } from "./progress";

describe("progressOf", () => {
  it("counts each state and estimates from the pace", () => {
    const p = progressOf(["ACCEPTED", "ACCEPTED", "FAILED", "QUEUED", "SENDING", "IDLE", "CANCELLED"], 2);
    expect(p).toMatchObject({
      total: 7,
      accepted: 2,
      failed: 1,
      queued: 1,
      sending: 1,
      idle: 1,
      cancelled: 1,
      done: 3,
      started: 5,
      percent: 60,
      etaSeconds: 1,
    });
  });

  it("has no estimate when nothing is left", () => {
    expect(progressOf(["ACCEPTED"], 18).etaSeconds).toBeNull();
    expect(progressOf([], 18).percent).toBe(0);
  });

  it("words the estimate", () => {
    expect(etaWords(null)).toBe("nothing left to run");
    expect(etaWords(0)).toBe("about 1 s left");
    expect(etaWords(61)).toBe("about 2 min left");
  });
});

describe("durationWords", () => {
  it("says seconds, minutes and hours", async () => {
    const { durationWords } = await import("./duration");
    expect([durationWords(45), durationWords(200), durationWords(7500)]).toEqual(["45 s", "3 min 20 s", "2 h 5 min"]);
  });
});

describe("campaignContainment", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, s));
  const step = (over: Partial<TimedStep>): TimedStep => ({
    state: "ACCEPTED",
    verified: true,
    queuedAt: at(0),
    verifiedAt: at(5),
    ...over,
  });

  it("runs from the first step queued to the last verified, ignoring accounts not started", () => {
    const r = campaignContainment([
      step({}),
      step({ queuedAt: at(2), verifiedAt: at(40) }),
      step({ state: "IDLE", verified: null, queuedAt: null, verifiedAt: null }),
    ]);
    expect(r).toEqual({ startedAt: at(0), containedAt: at(40), seconds: 40 });
  });

  it("is not contained while a started step is unverified, failed or queued", () => {
    for (const other of [step({ verified: null, verifiedAt: null }), step({ state: "FAILED", verified: null }), step({ state: "QUEUED" })])
      expect(campaignContainment([step({}), other]).containedAt).toBeNull();
    expect(campaignContainment([]).seconds).toBeNull();
  });
});

describe("verificationWords", () => {
  const base = { state: "ACCEPTED" as const, verified: null, verifiedAt: null, observed: null, verifyingUntil: null };
  it("says Verified, Verifying… or Not verified with what was read", () => {
    expect(verificationWords({ ...base, verified: true, verifiedAt: new Date(), observed: "Sign-in is blocked" })).toBe("Verified");
    expect(verificationWords({ ...base, verifyingUntil: new Date() })).toBe("Verifying…");
    expect(verificationWords({ ...base, verified: false, observed: "Sign-in is still allowed" })).toBe(
      "Not verified (Sign-in is still allowed)",
    );
    expect(verificationWords({ ...base, state: "FAILED" })).toBeNull();
  });
});
