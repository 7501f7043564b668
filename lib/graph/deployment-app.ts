import "server-only";
import { getEnv } from "@/lib/env";
import { loadAppCredentials, summariseCredential, type AppCredential, type CredentialSummary } from "./app-credentials";

// Breachdesk's own multi-tenant app as configured (lib/env.ts), with its credentials loaded once
// per process: certificate files are read and PFX files opened here, never per request.

export type DeploymentApp = { clientId: string; credentials: AppCredential[] };

let loaded: { key: string; app: Promise<DeploymentApp | null> } | undefined;

/** The app and its usable credentials, or null when the deployment has none configured. Throws when a credential cannot be read. */
export function getDeploymentApp(): Promise<DeploymentApp | null> {
  const config = getEnv().deploymentApp;
  const key = JSON.stringify(config);
  if (loaded?.key !== key) {
    loaded = {
      key,
      app: config
        ? loadAppCredentials(config.credentials).then((credentials) => ({ clientId: config.clientId, credentials }))
        : Promise.resolve(null),
    };
    // A failed load is retried on the next call (the file may have been fixed).
    loaded.app.catch(() => (loaded = undefined));
  }
  return loaded.app;
}

/** What the admin pages may show: the client id, each credential's kind, thumbprint and expiry, or why it cannot be read. */
export async function describeDeploymentApp(): Promise<{
  clientId: string | null;
  credentials: CredentialSummary[];
  error: string | null;
}> {
  try {
    const app = await getDeploymentApp();
    return { clientId: app?.clientId ?? null, credentials: app?.credentials.map(summariseCredential) ?? [], error: null };
  } catch (error) {
    return {
      clientId: getEnv().deploymentApp?.clientId ?? null,
      credentials: [],
      error: error instanceof Error ? error.message : "The app's credentials could not be read.",
    };
  }
}
