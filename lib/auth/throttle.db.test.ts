import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { authorizeCredentials, INVALID_CREDENTIALS } from "./credentials";
import { ACCOUNT_FAILURES_BEFORE_DELAY, MAX_DELAY_MS } from "./sign-in-delay";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ACCOUNT_AND_IP, MAX_FAILURES_PER_IP, reserveSignInAttempt } from "./throttle";

const PASSWORD = "Corr3ct-horse-battery";
const FOR_ACCOUNT = /^Too many failed sign-in attempts for this account from your network\. Try again in \d+ minutes?\.$/;
const FROM_NETWORK = /^Too many failed sign-in attempts from your network\. Try again in \d+ minutes?\.$/;
const FROM_NEW_NETWORKS =
  /^Too many failed sign-in attempts for this account\. Sign in from a network you have used before, or try again in \d+ minutes?\.$/;

describe.each(testDbKinds())("sign-in throttling on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.close());

  it("stops an account from one network after a few failures, but not its owner elsewhere", async () => {
    const user = await seedUser(t.db, { role: "ENGINEER", password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      await expect(authorizeCredentials(t.db, { email: user.email, password: `wrong-${i}` }, "198.51.100.66")).rejects.toThrow(
        INVALID_CREDENTIALS,
      );
    }
    // The attacker's network is stopped, even with the right password…
    await expect(authorizeCredentials(t.db, { email: user.email, password: PASSWORD }, "198.51.100.66")).rejects.toThrow(FOR_ACCOUNT);
    // …the user, on their own network, signs in at once.
    await expect(authorizeCredentials(t.db, { email: user.email, password: PASSWORD }, "203.0.113.10")).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("lets only the allowed number of a parallel burst from one network reach the password check", async () => {
    const user = await seedUser(t.db, { role: "ENGINEER", password: PASSWORD });
    const burst = 12;
    const results = await Promise.allSettled(
      Array.from({ length: burst }, (_, i) => authorizeCredentials(t.db, { email: user.email, password: `wrong-${i}` }, "198.51.100.7")),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "signed in"));
    expect(messages.filter((m) => m === INVALID_CREDENTIALS)).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_IP);
    expect(messages.filter((m) => FOR_ACCOUNT.test(m))).toHaveLength(burst - MAX_FAILURES_PER_ACCOUNT_AND_IP);
  });

  it("slows an account failing from many networks with a growing, capped delay", async () => {
    const email = "spread@contoso.example";
    const delays: number[] = [];
    for (let i = 0; i < ACCOUNT_FAILURES_BEFORE_DELAY + 8; i++)
      delays.push((await reserveSignInAttempt(t.db, email, `10.1.0.${i}`)).delayMs);
    expect(delays.slice(0, ACCOUNT_FAILURES_BEFORE_DELAY)).toEqual(Array(ACCOUNT_FAILURES_BEFORE_DELAY).fill(0));
    expect(delays.slice(ACCOUNT_FAILURES_BEFORE_DELAY, ACCOUNT_FAILURES_BEFORE_DELAY + 3)).toEqual([1000, 2000, 4000]);
    expect(delays.at(-1)).toBe(MAX_DELAY_MS);
    // Another account is not slowed by this one's failures.
    await expect(reserveSignInAttempt(t.db, "calm@contoso.example", "10.1.0.1")).resolves.toMatchObject({ delayMs: 0 });
  });

  it("stops a network spraying many accounts, with its own message, and a refused attempt costs the account nothing", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await reserveSignInAttempt(t.db, `user${i}@contoso.example`, "192.0.2.7");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP + 2; i++) {
      await expect(reserveSignInAttempt(t.db, "fresh@contoso.example", "192.0.2.7")).rejects.toMatchObject({
        code: "RATE_LIMITED",
        message: expect.stringMatching(FROM_NETWORK),
      });
    }
    // The refused attempts were not counted against the account or its pair on other networks.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      await expect(reserveSignInAttempt(t.db, "fresh@contoso.example", "192.0.2.8")).resolves.toMatchObject({ delayMs: 0 });
    }
    await expect(reserveSignInAttempt(t.db, "other@contoso.example", "192.0.2.9")).resolves.toBeDefined();
  });

  it("gives the points back on a successful sign-in, so busy offices are never stopped by success", async () => {
    const user = await seedUser(t.db, { role: "ENGINEER", password: PASSWORD });
    await expect(authorizeCredentials(t.db, { email: user.email, password: "nope" }, "203.0.113.50")).rejects.toThrow(INVALID_CREDENTIALS);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP + 1; i++) {
      await expect(authorizeCredentials(t.db, { email: user.email, password: PASSWORD }, "203.0.113.50")).resolves.toMatchObject({
        id: user.id,
      });
    }
    // The earlier failure was cleared by the success: five more wrong passwords are still answered as such.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      await expect(authorizeCredentials(t.db, { email: user.email, password: "nope" }, "203.0.113.50")).rejects.toThrow(
        INVALID_CREDENTIALS,
      );
    }
    await expect(authorizeCredentials(t.db, { email: user.email, password: "nope" }, "203.0.113.50")).rejects.toThrow(FOR_ACCOUNT);
  });

  it("lets only the cap of a parallel burst from many networks reach the password check", async () => {
    const email = "target@contoso.example";
    const burst = MAX_FAILURES_PER_ACCOUNT * 2;
    const results = await Promise.allSettled(
      Array.from({ length: burst }, (_, i) => reserveSignInAttempt(t.db, email, `10.9.${i >> 8}.${i & 255}`)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    for (const r of results.filter((x) => x.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "RATE_LIMITED",
        message: expect.stringMatching(FROM_NEW_NETWORKS),
      });
    }
  });

  it("keeps the user's own network open while guessing from elsewhere has spent the account's cap", async () => {
    const user = await seedUser(t.db, { role: "ENGINEER", password: PASSWORD });
    await expect(authorizeCredentials(t.db, { email: user.email, password: PASSWORD }, "203.0.113.77")).resolves.toMatchObject({
      id: user.id,
    }); // the user's office
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await reserveSignInAttempt(t.db, user.email, `10.8.0.${i}`);
    // From a network new to the account nothing is checked any more, not even the right password…
    await expect(authorizeCredentials(t.db, { email: user.email, password: "guess" }, "198.51.100.200")).rejects.toThrow(FROM_NEW_NETWORKS);
    await expect(authorizeCredentials(t.db, { email: user.email, password: PASSWORD }, "198.51.100.201")).rejects.toThrow(
      FROM_NEW_NETWORKS,
    );
    // …while the office signs in at once, without waiting, and wrong passwords there count only against that pair.
    await expect(authorizeCredentials(t.db, { email: user.email, password: PASSWORD }, "203.0.113.77")).resolves.toMatchObject({
      id: user.id,
    });
    await expect(reserveSignInAttempt(t.db, user.email, "203.0.113.77")).resolves.toMatchObject({ delayMs: 0 });
  });
});
