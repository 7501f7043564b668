import { describe, expect, it } from "vitest";
import { batchItem } from "./batch";

// learn.microsoft.com/graph/json-batching: a write item without a body and a Content-Type header
// fails the WHOLE batch ("Write request id : … does not contain Content-Type header or body.").
describe("$batch items", () => {
  it("gives every POST/PATCH a body ({} when there is nothing to send) and Content-Type, and every item a client-request-id", () => {
    expect(batchItem({ id: "r", op: "revokeSessions", method: "POST", path: "/users/a/revokeSignInSessions" }, "c-1")).toEqual({
      id: "r",
      method: "POST",
      url: "/users/a/revokeSignInSessions",
      headers: { "client-request-id": "c-1", "Content-Type": "application/json" },
      body: {},
    });
    expect(
      batchItem({ id: "p", op: "setAccountEnabled", method: "PATCH", path: "/users/a", body: { accountEnabled: false } }, "c-2"),
    ).toMatchObject({ body: { accountEnabled: false }, headers: { "Content-Type": "application/json" } });
  });
  it("sends reads and deletes without a body", () => {
    for (const method of ["GET", "DELETE"] as const) {
      const item = batchItem({ id: "g", op: "getUser", method, path: "/users/a" }, "c-3");
      expect(item).toEqual({ id: "g", method, url: "/users/a", headers: { "client-request-id": "c-3" } });
    }
  });
});
