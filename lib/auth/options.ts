import "server-only";
import type { AuthOptions } from "next-auth";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { CLIENT_IP_HEADER, clientIpFrom } from "./client-ip";
import { authorizeCredentials } from "./credentials";
import { isSessionTooOld, nowInSeconds } from "./session-age";

export function buildAuthOptions(): AuthOptions {
  const env = getEnv();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, req) => authorizeCredentials(await getDb(), credentials, clientIpFrom(req.headers?.[CLIENT_IP_HEADER])),
    }),
  ];
  if (env.isEntraSignInEnabled) {
    providers.push(
      AzureADProvider({
        clientId: env.AZURE_AD_CLIENT_ID!,
        clientSecret: env.AZURE_AD_CLIENT_SECRET!,
        tenantId: env.AZURE_AD_TENANT_ID!,
      }),
    );
  }
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
    jwt: { maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers,
    callbacks: {
      // Entra ID sign-in maps to an existing, active Breachdesk user with the same email; nobody
      // is provisioned by signing in.
      async signIn({ user, account }) {
        if (account?.provider !== "azure-ad") return true;
        const email = user.email?.toLowerCase();
        if (!email) return false;
        const db = await getDb();
        const known = await db.user.findUnique({ where: { email }, select: { isActive: true } });
        return Boolean(known?.isActive);
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const db = await getDb();
          const row = await db.user.findUnique({
            where: { email: (user.email ?? "").toLowerCase() },
            select: { id: true, role: true, tenantId: true },
          });
          if (row) {
            token.uid = row.id;
            token.role = row.role;
            token.tenantId = row.tenantId;
            token.signedInAt = nowInSeconds();
          }
          return token;
        }
        // Past the hard limit the token loses its identity: re-issuing it never extends a session.
        if (isSessionTooOld(token.signedInAt, env.SESSION_MAX_AGE_HOURS)) return {};
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          session.user.id = token.uid;
          session.user.role = token.role;
        }
        session.signedInAt = token.signedInAt;
        return session;
      },
    },
  };
}
