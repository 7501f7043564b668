import { describe, expect, it } from "vitest";
import { judgeResetRole } from "./reset-role";

describe("the directory role a password reset needs", () => {
  it("is confirmed from the token's role template ids or the app's memberOf", () => {
    expect(judgeResetRole({ wids: ["fe930be7-5e62-47db-91af-98c3a49a38b1"], memberOf: null })).toMatchObject({
      ok: true,
      message: expect.stringContaining("User Administrator"),
    });
    expect(judgeResetRole({ wids: null, memberOf: ["Directory Readers", "Privileged Authentication Administrator"] })).toMatchObject({
      ok: true,
    });
  });
  it("is reported missing when Graph shows roles without one that can reset passwords", () => {
    expect(judgeResetRole({ wids: ["88d8e3e3-8f55-4a1e-953a-9b9898b8876b"], memberOf: null }).ok).toBe(false);
    expect(judgeResetRole({ wids: null, memberOf: [] })).toMatchObject({
      ok: false,
      message: expect.stringContaining("no User Administrator role"),
    });
  });
  it("is unverified, never assumed, when Graph shows nothing", () => {
    expect(judgeResetRole({ wids: null, memberOf: null })).toMatchObject({ ok: null, message: expect.stringMatching(/^Unverified/) });
    expect(judgeResetRole({ wids: [], memberOf: null }).ok).toBeNull();
  });
});
