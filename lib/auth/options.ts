import "server-only";
import type { AuthOptions } from "next-auth";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb as getAppDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import { CLIENT_IP_HEADER, clientIpFrom } from "./client-ip";
import { admitEntraUser } from "./entra-sign-in";
import { authorizeCredentials } from "./credentials";
import { isSessionTooOld, nowInSeconds } from "./session-age";
import { sessionLimitsOf } from "./session-rules";
import { endTokenSession } from "./sign-out";
import { checkUserSession, startUserSession } from "./user-sessions";

/** Thrown by the jwt callback for a dead session: next-auth then answers `{}` and clears the cookie. */
export class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

/** The sign-in request's client IP and user agent, when there is a request (there always is in the route). */
async function requestMeta(): Promise<{ ip?: string; userAgent?: string }> {
  try {
    const h = await headers();
    return { ip: clientIpFrom(h.get(CLIENT_IP_HEADER)), userAgent: h.get("user-agent") ?? undefined };
  } catch {
    return {};
  }
}

/** `getDb` is the app's database unless a test passes its own. */
export function buildAuthOptions({ getDb = getAppDb }: { getDb?: () => Promise<Db> } = {}): AuthOptions {
  const env = getEnv();
  const limits = sessionLimitsOf(env);
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, req) =>
        authorizeCredentials(await getDb(), credentials, clientIpFrom(req.headers?.[CLIENT_IP_HEADER])),
    }),
  ];
  if (env.isEntraSignInEnabled) {
    providers.push(
      AzureADProvider({
        clientId: env.AZURE_AD_CLIENT_ID!,
        clientSecret: env.AZURE_AD_CLIENT_SECRET!,
        tenantId: env.AZURE_AD_TENANT_ID!,
        // Microsoft's OpenID configuration, or the tenant simulator's in the demo and tests.
        wellKnown: `${env.AZURE_AD_AUTHORITY_HOST.replace(/\/$/, "")}/${env.AZURE_AD_TENANT_ID}/v2.0/.well-known/openid-configuration`,
        // PKCE and a nonce as well as the state (learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow).
        checks: ["pkce", "state", "nonce"],
        // The id token's claims alone: the provider's default also fetches the user's photo from Graph.
        profile: (p) => ({ id: p.sub, name: p.name ?? null, email: p.email ?? null, image: null }),
      }),
    );
  }
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
    jwt: { maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers,
    logger: {
      error(code, metadata) {
        if (metadata instanceof Error && metadata.name === "SessionEndedError") return; // expected: a dead session was presented
        getLogger().error({ code, err: metadata }, "next-auth error");
      },
      warn(code) {
        getLogger().warn({ code }, "next-auth warning");
      },
      debug() {},
    },
    callbacks: {
      // Entra ID sign-in: an existing, active user, bound to the id token's subject (lib/auth/entra-sign-in.ts).
      async signIn({ user, account, profile }) {
        if (account?.provider !== "azure-ad") return true;
        const claims = { subject: account.providerAccountId, email: user.email, tenantId: (profile as { tid?: unknown } | undefined)?.tid };
        return (await admitEntraUser(await getDb(), claims, env.AZURE_AD_TENANT_ID ?? "")) !== null;
      },
      async jwt({ token, user, account }) {
        const db = await getDb();
        if (user && account) {
          // Sign-in (credentials or Entra): a fresh token around a fresh server-side session.
          // An Entra user is found by the subject signIn bound, never by the email claim again.
          const row = await db.user.findUnique({
            where:
              account.provider === "azure-ad" ? { entraSubject: account.providerAccountId } : { email: (user.email ?? "").toLowerCase() },
            select: { id: true, role: true, tenantId: true, isActive: true },
          });
          if (!row?.isActive) throw new SessionEndedError("The user is not active.");
          const sid = await startUserSession(db, { userId: row.id, ...(await requestMeta()) });
          return {
            name: token.name,
            email: token.email,
            sub: row.id,
            uid: row.id,
            role: row.role,
            tenantId: row.tenantId,
            signedInAt: nowInSeconds(),
            sid,
          };
        }
        // Every later read (the session endpoint): the same check as each page (lib/auth/viewer.ts),
        // so a dead session never gets its identity back. Past the hard limit it is refused too:
        // re-issuing the token never extends a session.
        if (isSessionTooOld(token.signedInAt, env.SESSION_MAX_AGE_HOURS)) throw new SessionEndedError("Session too old.");
        const check = await checkUserSession(db, token, limits, { touch: false });
        if (!check.user) throw new SessionEndedError(`Session ended: ${check.ended}.`);
        return token;
      },
      async session({ session, token }) {
        // Built from the checked token only: nothing of a rejected token reaches the browser.
        return {
          expires: session.expires,
          user: { id: token.uid, role: token.role, name: token.name, email: token.email },
          signedInAt: token.signedInAt,
        };
      },
    },
    events: {
      async signOut({ token }) {
        await endTokenSession(await getDb(), token);
      },
    },
  };
}
