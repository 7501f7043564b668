import type { Account, AuthOptions, Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { admitEntraUser } from "./entra-sign-in";
import { buildAuthOptions, SessionEndedError } from "./options";
import { nowInSeconds } from "./session-age";

// next-auth's callbacks as it calls them: at sign-in, on every read of the session endpoint, and at sign-out.
describe.each(testDbKinds())("next-auth callbacks on %s", (kind) => {
  let t: TestDb;
  let options: AuthOptions;
  type JwtParams = { token: JWT; user?: User; account?: Account | null };
  const jwt = (p: JwtParams) => (options.callbacks!.jwt as unknown as (p: JwtParams) => Promise<JWT>)(p);
  const credentials: Account = { provider: "credentials", type: "credentials", providerAccountId: "x" };

  beforeAll(async () => {
    vi.stubEnv("BREACHDESK_DEMO", "1");
    vi.stubEnv("SESSION_MAX_AGE_HOURS", "8");
    t = await createTestDb(kind);
    options = buildAuthOptions({ getDb: async () => t.db });
  });
  afterAll(() => t.close());

  async function signedIn() {
    const user = await seedUser(t.db, { role: "ENGINEER" });
    const token = await jwt({
      token: { name: user.name, email: user.email },
      user: { id: user.id, email: user.email },
      account: credentials,
    });
    return { user, token };
  }

  it("opens a server-side session at sign-in and keeps the token while it lives", async () => {
    const { user, token } = await signedIn();
    expect(token).toMatchObject({
      uid: user.id,
      role: "ENGINEER",
      email: user.email,
      sid: expect.any(String),
      signedInAt: expect.any(Number),
    });
    expect(await t.db.userSession.findUniqueOrThrow({ where: { id: token.sid } })).toMatchObject({ userId: user.id, revokedAt: null });
    await expect(jwt({ token })).resolves.toEqual(token);
  });

  it("refuses a token past the hard limit, or whose session is gone, or that has none", async () => {
    const { token } = await signedIn();
    await expect(jwt({ token: { ...token, signedInAt: nowInSeconds() - 9 * 3600 } })).rejects.toBeInstanceOf(SessionEndedError);
    await expect(jwt({ token: { ...token, sid: undefined } })).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("signing out revokes the session (audited): the same token is refused from then on", async () => {
    const { user, token } = await signedIn();
    await options.events!.signOut!({ token, session: undefined as never });
    await expect(jwt({ token })).rejects.toBeInstanceOf(SessionEndedError);
    expect(await t.db.auditEvent.count({ where: { action: "auth.sign_out", actorId: user.id } })).toBe(1);
    // Signing out again with the dead token records nothing more.
    await options.events!.signOut!({ token, session: undefined as never });
    expect(await t.db.auditEvent.count({ where: { action: "auth.sign_out", actorId: user.id } })).toBe(1);
  });

  it("sends the browser only what the checked token says", async () => {
    const { user, token } = await signedIn();
    const session = await (options.callbacks!.session as unknown as (p: { session: Session; token: JWT }) => Promise<Session>)({
      session: { expires: "2030-01-01T00:00:00.000Z", user: { name: "from an old token", email: "old@example.test", image: "x" } },
      token,
    });
    expect(session).toEqual({
      expires: "2030-01-01T00:00:00.000Z",
      user: { id: user.id, role: "ENGINEER", name: user.name, email: user.email },
      signedInAt: token.signedInAt,
    });
    expect(JSON.stringify(session)).not.toContain(token.sid!);
  });

  it("lets only an active Breachdesk user in through Entra ID, bound to its subject after the first time", async () => {
    const signIn = options.callbacks!.signIn as unknown as (p: {
      user: User;
      account: Account;
      profile?: { tid?: string };
    }) => Promise<boolean>;
    const entra = (subject: string): Account => ({ provider: "azure-ad", type: "oauth", providerAccountId: subject });
    const active = await seedUser(t.db, { role: "ENGINEER" });
    const inactive = await seedUser(t.db, { role: "ENGINEER", isActive: false });
    expect(await signIn({ user: { id: "sub-a", email: active.email.toUpperCase() }, account: entra("sub-a") })).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: active.id } })).entraSubject).toBe("sub-a");
    expect(await t.db.auditEvent.count({ where: { action: "auth.entra_linked", target: active.email } })).toBe(1);
    expect(await signIn({ user: { id: "sub-b", email: inactive.email }, account: entra("sub-b") })).toBe(false);
    expect(await signIn({ user: { id: "sub-c", email: "stranger@example.test" }, account: entra("sub-c") })).toBe(false);
    // Another Entra identity whose email claim was set to the bound user's is refused…
    expect(await signIn({ user: { id: "sub-x", email: active.email }, account: entra("sub-x") })).toBe(false);
    // …while the bound subject gets in even after its email claim changed, as the same user.
    expect(await signIn({ user: { id: "sub-a", email: "renamed@example.test" }, account: entra("sub-a") })).toBe(true);
    const token = await jwt({
      token: { name: active.name, email: "renamed@example.test" },
      user: { id: "sub-a", email: "renamed@example.test" },
      account: entra("sub-a"),
    });
    expect(token.uid).toBe(active.id);
    // An id token from another directory is refused even with a bound subject.
    const ours = "11111111-2222-4333-8444-555555555555";
    expect(
      await admitEntraUser(t.db, { subject: "sub-a", email: active.email, tenantId: "99999999-2222-4333-8444-555555555555" }, ours),
    ).toBeNull();
    expect(await admitEntraUser(t.db, { subject: "sub-a", email: active.email, tenantId: ours }, ours)).toBe(active.id);
  });
});
