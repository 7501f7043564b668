import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { authorizeCredentials, INVALID_CREDENTIALS } from "./credentials";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, reserveSignInAttempt } from "./throttle";

const PASSWORD = "Corr3ct-horse-battery";

describe.each(testDbKinds())("sign-in throttling on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("locks an account after too many failures, from any IP; a success clears them", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await reserveSignInAttempt(t.db, "victim@contoso.example", `10.0.0.${i}`);
    const last = await reserveSignInAttempt(t.db, "victim@contoso.example", "10.0.0.99");
    await last.succeeded();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await reserveSignInAttempt(t.db, "victim@contoso.example", `10.0.1.${i}`);
    await expect(reserveSignInAttempt(t.db, "victim@contoso.example", "10.9.9.9")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Try again in \d+ minutes?/),
    });
    await reserveSignInAttempt(t.db, "someone-else@contoso.example", "10.9.9.9");
  });

  it("locks an IP that sprays many accounts, and a refused attempt costs the account nothing", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await reserveSignInAttempt(t.db, `user${i}@contoso.example`, "192.0.2.7");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 2; i++) {
      await expect(reserveSignInAttempt(t.db, "fresh@contoso.example", "192.0.2.7")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    }
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await reserveSignInAttempt(t.db, "fresh@contoso.example", `192.0.2.${10 + i}`);
  });

  it("lets only the allowed number of a parallel burst of wrong passwords reach the password check", async () => {
    const user = await seedUser(t.db, { role: "ENGINEER", password: PASSWORD });
    const burst = 12;
    const results = await Promise.allSettled(
      Array.from({ length: burst }, (_, i) => authorizeCredentials(t.db, { email: user.email, password: `wrong-${i}` }, `198.51.100.${i}`)),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "signed in"));
    expect(messages.filter((m) => m === INVALID_CREDENTIALS)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(messages.filter((m) => m.startsWith("Too many failed sign-in attempts"))).toHaveLength(burst - MAX_FAILURES_PER_ACCOUNT);
    // Locked: even the right password is refused until the window passes.
    await expect(authorizeCredentials(t.db, { email: user.email, password: PASSWORD }, "198.51.100.200")).rejects.toThrow(/Too many/);
  });

  it("gives the points back on a successful sign-in", async () => {
    const user = await seedUser(t.db, { role: "ENGINEER", password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES_PER_IP + 1; i++) {
      await expect(authorizeCredentials(t.db, { email: user.email, password: PASSWORD }, "203.0.113.50")).resolves.toMatchObject({ id: user.id });
    }
    await expect(authorizeCredentials(t.db, { email: user.email, password: "nope" }, "203.0.113.50")).rejects.toThrow(INVALID_CREDENTIALS);
  });
});
