import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERROR_MESSAGES: Record<string, string> = {
  AccessDenied: "Your Microsoft account is not a Breachdesk user. Ask a platform admin to add you.",
  OAuthSignin: "Microsoft sign-in could not start. Try again.",
  OAuthCallback: "Microsoft sign-in did not complete. Try again.",
  SessionRequired: "Please sign in to continue.",
};

function safeCallbackUrl(value: string | undefined): string {
  // Only same-site paths: never redirect to another origin after sign-in.
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/tickets";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const env = getEnv();
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
          initialError={params.error ? (ERROR_MESSAGES[params.error] ?? "Sign-in failed. Try again.") : undefined}
        />
        {env.BREACHDESK_DEMO && (
          <p className="text-center text-xs text-muted-foreground">
            Demo mode: sign in as <code>admin@contoso.example</code> or <code>engineer@breachdesk.example</code> with
            password <code>Breachdesk-demo-1</code>.
          </p>
        )}
      </div>
    </main>
  );
}
