import { describe, expect, it } from "vitest";
import { etaWords, progressOf } from "./progress";

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
