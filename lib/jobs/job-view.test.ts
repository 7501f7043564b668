import { describe, expect, it } from "vitest";
import { attemptsOf, canCancel, canRetry, lastErrorOf } from "./job-view";
import { encodeJobCursor, ZJobListQuery } from "./schemas";

describe("reading a job row", () => {
  it("counts runs started, not retries scheduled", () => {
    expect(attemptsOf({ retryCount: 0, startedOn: null })).toBe(0);
    expect(attemptsOf({ retryCount: 0, startedOn: new Date() })).toBe(1);
    expect(attemptsOf({ retryCount: 2, startedOn: new Date() })).toBe(3);
  });

  it("takes the last error from a failure, a library message or a later success", () => {
    expect(lastErrorOf("retry", { name: "JobFailure", message: "Graph did not answer.", code: "UPSTREAM_UNAVAILABLE" })).toBe(
      "Graph did not answer.",
    );
    expect(lastErrorOf("retry", { value: { message: "job failed by timeout in active state" } })).toMatch(
      /^Did not finish within its time limit/,
    );
    expect(lastErrorOf("retry", { value: "pg-boss shut down while active" })).toBe("Its worker shut down while it ran.");
    expect(lastErrorOf("completed", { lastError: "Graph did not answer.", result: {} })).toBe("Graph did not answer.");
    expect(lastErrorOf("completed", { result: { message: "not an error" } })).toBeNull();
    expect(lastErrorOf("created", null)).toBeNull();
  });

  it("allows cancel while unfinished and run-again once failed or cancelled", () => {
    expect(["created", "retry", "active"].every((s) => canCancel(s as never))).toBe(true);
    expect(canCancel("completed")).toBe(false);
    expect(canRetry("failed") && canRetry("cancelled")).toBe(true);
    expect(canRetry("completed") || canRetry("active")).toBe(false);
  });
});

describe("the jobs page's query", () => {
  it("keeps known filters, drops anything else, and round-trips the page cursor", () => {
    const cursor = { createdAt: new Date("2026-12-01T10:00:00.123Z"), id: "0f8fad5b-d9cb-469f-a165-70867728950e" };
    expect(ZJobListQuery.parse({ state: "failed", kind: "auth.purge-expired-sign-in-state", before: encodeJobCursor(cursor) })).toEqual({
      state: "failed",
      kind: "auth.purge-expired-sign-in-state",
      before: cursor,
    });
    expect(ZJobListQuery.parse({ state: "exploded", kind: "Robert'); DROP", before: "yesterday" })).toEqual({
      state: undefined,
      kind: undefined,
      before: undefined,
    });
  });
});
