import type { Account, AuthOptions, Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
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
    const token = await jwt({ token: { name: user.name, email: user.email }, user: { id: user.id, email: user.email }, account: credentials });
    return { user, token };
  }

  it("opens a server-side session at sign-in and keeps the token while it lives", async () => {
    const { user, token } = await signedIn();
    expect(token).toMatchObject({ uid: user.id, role: "ENGINEER", email: user.email, sid: expect.any(String), signedInAt: expect.any(Number) });
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
    expect(session).toEqual({ expires: "2030-01-01T00:00:00.000Z", user: { id: user.id, role: "ENGINEER", name: user.name, email: user.email }, signedInAt: token.signedInAt });
    expect(JSON.stringify(session)).not.toContain(token.sid!);
  });

  it("lets only an active Breachdesk user in through Entra ID", async () => {
    const signIn = options.callbacks!.signIn as unknown as (p: { user: User; account: Account }) => Promise<boolean>;
    const entra: Account = { provider: "azure-ad", type: "oauth", providerAccountId: "oid" };
    const active = await seedUser(t.db, { role: "ENGINEER" });
    const inactive = await seedUser(t.db, { role: "ENGINEER", isActive: false });
    expect(await signIn({ user: { id: "oid", email: active.email.toUpperCase() }, account: entra })).toBe(true);
    expect(await signIn({ user: { id: "oid", email: inactive.email }, account: entra })).toBe(false);
    expect(await signIn({ user: { id: "oid", email: "stranger@example.test" }, account: entra })).toBe(false);
  });
});
