import "server-only";
import type { AuthOptions, User as NextAuthUser } from "next-auth";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { CLIENT_IP_HEADER, clientIpFrom } from "./client-ip";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "./throttle";

const ZCredentials = z.object({ email: z.email().max(320).transform((e) => e.toLowerCase()), password: z.string().min(1).max(200) });

export const INVALID_CREDENTIALS = "Email or password is incorrect.";

type SessionUser = NextAuthUser & { role: Role; tenantId: string | null };

async function authorizeCredentials(raw: unknown, clientIpHeader: string | string[] | undefined): Promise<SessionUser> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
  const { email, password } = parsed.data;
  const ip = clientIpFrom(clientIpHeader);
  const db = await getDb();
  try {
    await assertSignInAllowed(db, email, ip);
  } catch (error) {
    if (isAppError(error)) throw new Error(error.message);
    throw error;
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, tenantId: true, passwordHash: true, isActive: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  if (!user || !ok || !user.isActive) {
    await recordFailedSignIn(db, email, ip);
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: user?.id, action: "auth.sign_in", target: email, result: "FAILED", details: { ip } }),
    );
    throw new Error(INVALID_CREDENTIALS);
  }
  await clearFailedSignIns(db, email);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAuditEvent(tx, { actorId: user.id, tenantId: user.tenantId, action: "auth.sign_in", target: email, details: { ip } });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, tenantId: user.tenantId };
}

export function buildAuthOptions(): AuthOptions {
  const env = getEnv();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, req.headers?.[CLIENT_IP_HEADER]),
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
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          session.user.id = token.uid;
          session.user.role = token.role;
        }
        return session;
      },
    },
  };
}
