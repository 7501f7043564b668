import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { assertSignInAllowed, clearFailedSignIns, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, recordFailedSignIn } from "./throttle";

describe.each(testDbKinds())("sign-in throttling on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("locks an account after too many failures, from any IP, until cleared", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await assertSignInAllowed(t.db, "victim@contoso.example", `10.0.0.${i}`);
      await recordFailedSignIn(t.db, "victim@contoso.example", `10.0.0.${i}`);
    }
    await expect(assertSignInAllowed(t.db, "victim@contoso.example", "10.9.9.9")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Try again in \d+ minutes?/),
    });
    await assertSignInAllowed(t.db, "someone-else@contoso.example", "10.9.9.9");
    await clearFailedSignIns(t.db, "victim@contoso.example");
    await assertSignInAllowed(t.db, "victim@contoso.example", "10.9.9.9");
  });

  it("locks an IP that sprays many accounts", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await recordFailedSignIn(t.db, `user${i}@contoso.example`, "192.0.2.7");
    await expect(assertSignInAllowed(t.db, "fresh@contoso.example", "192.0.2.7")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await assertSignInAllowed(t.db, "fresh@contoso.example", "192.0.2.8");
  });
});
