import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { getEnv } from "@/lib/env";
import { describeDeploymentApp } from "@/lib/graph/deployment-app";
import { DEPLOYMENT_APP_PERMISSIONS } from "@/lib/graph/operations";
import { redirectUris } from "@/lib/tenants/connect-urls";
import { EXPIRY_WARNING_DAYS, expiryOf, worstExpiry } from "@/lib/tenants/credential-expiry";

// Breachdesk's own app as this deployment runs it: the client id, each credential's kind,
// thumbprint and expiry (warned 30 days ahead), and what its app registration must hold. Never a
// key or a secret.

export async function AppCredentialsCard() {
  const app = await describeDeploymentApp();
  const env = getEnv();
  const worst = worstExpiry(app.credentials);
  const uris = env.NEXTAUTH_URL ? redirectUris(env.NEXTAUTH_URL) : null;
  return (
    <section aria-labelledby="deployment-app" className="max-w-4xl space-y-2 rounded-md border p-4">
      <h2 id="deployment-app" className="text-base font-semibold">
        Breachdesk&apos;s app
      </h2>
      {!app.clientId ? (
        <p className="text-sm text-muted-foreground">
          Not configured: tenants connect only through their own app registrations. Set BREACHDESK_APP_CLIENT_ID and a certificate to let
          tenant admins connect by consent.
        </p>
      ) : (
        <>
          <p className="text-sm">
            Application (client) id <span className="font-mono">{app.clientId}</span>
          </p>
          {app.error && <Alert variant="destructive">{app.error}</Alert>}
          {worst === "expired" && (
            <Alert variant="destructive">
              Every credential of Breachdesk&apos;s app has expired: no connected tenant can be reached. Upload a new certificate to the app
              registration and configure it.
            </Alert>
          )}
          {worst === "expiring" && (
            <Alert variant="warning">
              A credential of Breachdesk&apos;s app expires within {EXPIRY_WARNING_DAYS} days or has expired: add its successor as
              BREACHDESK_APP_CERTIFICATE_NEXT (uploaded to the app registration first), then retire the old one.
            </Alert>
          )}
          <ul className="space-y-1 text-sm" aria-label="Credentials">
            {app.credentials.map((c) => {
              const e = expiryOf(c.expiresAt);
              return (
                <li key={`${c.kind}-${c.slot}`} className="flex flex-wrap items-center gap-2">
                  <span>
                    {c.kind === "certificate" ? "Certificate" : "Client secret"}
                    {c.slot === "next" ? " (next, for rotation)" : ""}
                  </span>
                  {c.thumbprint && <span className="font-mono text-xs">thumbprint {c.thumbprint}</span>}
                  {c.expiresAt ? (
                    <span>expires {c.expiresAt.toISOString().slice(0, 10)}</span>
                  ) : (
                    <span className="text-muted-foreground">expiry unknown</span>
                  )}
                  <Badge
                    variant={
                      e.state === "expired" ? "danger" : e.state === "expiring" ? "warning" : e.state === "ok" ? "success" : "neutral"
                    }
                  >
                    {e.state === "expired"
                      ? "Expired"
                      : e.state === "expiring"
                        ? `${e.daysLeft} days left`
                        : e.state === "ok"
                          ? "Valid"
                          : "Set its expiry date to be warned"}
                  </Badge>
                </li>
              );
            })}
          </ul>
          <details className="text-sm">
            <summary className="cursor-pointer">What the app registration must hold</summary>
            <p className="mt-1">Redirect URIs (Web), exactly:</p>
            <ul className="font-mono text-xs">
              {uris ? [uris.consent, uris.setup, uris.signIn].map((u) => <li key={u}>{u}</li>) : <li>Set NEXTAUTH_URL first.</li>}
            </ul>
            <p className="mt-1">Microsoft Graph application permissions:</p>
            <p className="font-mono text-xs">{DEPLOYMENT_APP_PERMISSIONS.join(", ")}</p>
            <p className="mt-1">
              Delegated (for “Set this up for me”): RoleManagement.ReadWrite.Directory, Application.ReadWrite.All, openid, profile.
            </p>
          </details>
        </>
      )}
    </section>
  );
}
