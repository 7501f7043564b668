import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { sessionEndMessage, sessionLimitsOf } from "@/lib/auth/session-rules";
import { readSessionToken } from "@/lib/auth/session-token";
import { describeSessionEnd } from "@/lib/auth/user-sessions";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "@/prisma/seed/demo";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERROR_MESSAGES: Record<string, string> = {
  AccessDenied: "Your Microsoft account is not a Breachdesk user. Ask a platform admin to add you.",
  OAuthSignin: "Microsoft sign-in could not start. Try again.",
  OAuthCallback: "Microsoft sign-in did not complete. Try again.",
  SessionRequired: "Please sign in to continue.",
};

const DEMO_ACCOUNTS = [
  { email: DEMO_SIGN_INS.contosoAdmin, role: `${ROLE_LABELS.TENANT_ADMIN}, Contoso` },
  { email: DEMO_SIGN_INS.fabrikamAdmin, role: `${ROLE_LABELS.TENANT_ADMIN}, Fabrikam` },
  { email: DEMO_SIGN_INS.northwindAdmin, role: `${ROLE_LABELS.TENANT_ADMIN}, Northwind (not connected yet)` },
  { email: DEMO_SIGN_INS.engineer, role: ROLE_LABELS.ENGINEER },
  { email: DEMO_SIGN_INS.manager, role: ROLE_LABELS.MANAGER },
  { email: DEMO_SIGN_INS.platform, role: ROLE_LABELS.PLATFORM_ADMIN },
];

/** Why the browser's (dead) session ended, when it did not end by signing out. */
async function endedSessionNotice(): Promise<string | undefined> {
  const token = await readSessionToken();
  if (!token) return undefined;
  return sessionEndMessage(await describeSessionEnd(await getDb(), token, sessionLimitsOf(getEnv())));
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const env = getEnv();
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl), env.NEXTAUTH_URL ?? "http://localhost");
  if (await getViewer()) redirect(callbackUrl);
  const error = first(params.error);
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-6">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Breachdesk</h1>
          <p className="text-sm text-muted-foreground">Compromised-account response for Microsoft 365</p>
        </div>
        <LoginForm
          callbackUrl={callbackUrl}
          isEntraEnabled={env.isEntraSignInEnabled}
          initialError={error ? (ERROR_MESSAGES[error] ?? "Sign-in failed. Try again.") : undefined}
          notice={error ? undefined : await endedSessionNotice()}
        />
        {env.BREACHDESK_DEMO && (
          <section aria-labelledby="demo-accounts" className="space-y-1.5 text-xs text-muted-foreground">
            {/* The heading names the region: no "password" in it, so it is never taken for the Password field's label. */}
            <h2 id="demo-accounts" className="font-medium text-foreground">
              Demo mode accounts
            </h2>
            <p>
              Each signs in with <code>{DEMO_PASSWORD}</code>:
            </p>
            <ul className="space-y-0.5">
              {DEMO_ACCOUNTS.map((a) => (
                <li key={a.email}>
                  <code>{a.email}</code> · {a.role}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
