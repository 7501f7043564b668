// The demo's own Breachdesk app, so Connect Microsoft 365 and Entra ID sign-in work out of the box:
// a self-signed certificate and a client id under ./data/breachdesk-app (made once, like the
// simulator's TLS certificate), registered with the tenant simulator through SIMULATOR_APPS_FILE
// (its redirect URIs follow the app's URL: one file per port, rewritten on every start). A deployment
// that configures BREACHDESK_APP_CLIENT_ID (or AZURE_AD_CLIENT_ID) itself keeps its own.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEPLOYMENT_APP_PERMISSIONS } from "@/lib/graph/operations";
import { redirectUris } from "@/lib/tenants/connect-urls";
import { generateClientCertificate } from "@/simulator/certificate";
import { NORTHWIND } from "@/simulator/demo-tenants";

type Identity = { clientId: string; signInSecret: string };

export async function ensureDemoApp(dir: string, opts: { appUrl: string; simulatorUrl: string; env: NodeJS.ProcessEnv }) {
  fs.mkdirSync(dir, { recursive: true });
  const certFile = path.join(dir, "app.pem");
  const identityFile = path.join(dir, "app.json");
  if (!fs.existsSync(certFile)) {
    const cert = await generateClientCertificate("Breachdesk demo app", 730);
    fs.writeFileSync(certFile, `${cert.cert}${cert.key}`, { mode: 0o600 });
  }
  if (!fs.existsSync(identityFile)) {
    const identity: Identity = { clientId: randomUUID(), signInSecret: randomBytes(24).toString("base64url") };
    fs.writeFileSync(identityFile, JSON.stringify(identity, null, 2), { mode: 0o600 });
  }
  const identity = JSON.parse(fs.readFileSync(identityFile, "utf8")) as Identity;
  const publicCert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(fs.readFileSync(certFile, "utf8"))![0];
  const uris = redirectUris(opts.appUrl);
  // One file per app URL: a demo and an end-to-end run on other ports do not overwrite each other's.
  const appsFile = path.join(dir, `simulator-apps.${new URL(opts.appUrl).port || "default"}.json`);
  fs.writeFileSync(
    appsFile,
    JSON.stringify(
      [
        {
          clientId: identity.clientId,
          displayName: "Breachdesk (demo)",
          certificates: [publicCert],
          secrets: [identity.signInSecret],
          redirectUris: [uris.consent, uris.setup, uris.signIn],
          permissions: DEPLOYMENT_APP_PERMISSIONS,
        },
      ],
      null,
      2,
    ),
    { mode: 0o600 },
  );
  const own = (key: string) => Boolean(opts.env[key]);
  const appEnv: Record<string, string> = own("BREACHDESK_APP_CLIENT_ID")
    ? {}
    : { BREACHDESK_APP_CLIENT_ID: identity.clientId, BREACHDESK_APP_CERTIFICATE: certFile };
  // Entra ID sign-in against the simulator: Northwind's directory signs in its admin.
  const signInEnv: Record<string, string> = own("AZURE_AD_CLIENT_ID")
    ? {}
    : {
        AZURE_AD_CLIENT_ID: identity.clientId,
        AZURE_AD_CLIENT_SECRET: identity.signInSecret,
        AZURE_AD_TENANT_ID: NORTHWIND.tenantId,
        AZURE_AD_AUTHORITY_HOST: opts.simulatorUrl,
      };
  return { env: { ...appEnv, ...signInEnv, SIMULATOR_APPS_FILE: appsFile } };
}
