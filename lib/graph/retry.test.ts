import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./request";
import { retryDecision } from "./retry";

const policy = { maxRetries: 3, delaySeconds: 2, maxWaitSeconds: 60 };
const half = () => 0; // jitter at its low end: half the nominal backoff

describe("when to send a Graph call again", () => {
  it("always retries a 429 (Graph did not process it), after Retry-After or a backoff when there is none", () => {
    expect(retryDecision({ status: 429, retryAfterSeconds: 7, tries: 0, waitedSeconds: 0, idempotent: false, policy })).toEqual({
      retry: true,
      waitSeconds: 7,
    });
    expect(retryDecision({ status: 429, retryAfterSeconds: null, tries: 2, waitedSeconds: 0, idempotent: true, policy }, half)).toEqual({
      retry: true,
      waitSeconds: 4,
    });
  });
  it("retries 503/504 only for calls that are safe to repeat (never sendMail)", () => {
    expect(
      retryDecision({ status: 503, retryAfterSeconds: null, tries: 0, waitedSeconds: 0, idempotent: true, policy }, half),
    ).toMatchObject({ retry: true });
    expect(retryDecision({ status: 503, retryAfterSeconds: null, tries: 0, waitedSeconds: 0, idempotent: false, policy })).toEqual({
      retry: false,
      suggestedWaitSeconds: null,
    });
    expect(retryDecision({ status: 400, retryAfterSeconds: null, tries: 0, waitedSeconds: 0, idempotent: true, policy })).toEqual({
      retry: false,
      suggestedWaitSeconds: null,
    });
  });
  it("stops after the retries or the total wait, saying how long Graph asked to wait", () => {
    expect(retryDecision({ status: 429, retryAfterSeconds: 5, tries: 3, waitedSeconds: 0, idempotent: true, policy })).toEqual({
      retry: false,
      suggestedWaitSeconds: 5,
    });
    expect(retryDecision({ status: 429, retryAfterSeconds: 50, tries: 1, waitedSeconds: 20, idempotent: true, policy })).toEqual({
      retry: false,
      suggestedWaitSeconds: 50,
    });
  });
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("12")).toBe(12);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1, 0, 0, 0))).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
