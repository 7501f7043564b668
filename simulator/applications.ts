import { createHash, randomUUID, X509Certificate, type KeyObject } from "node:crypto";
import fs from "node:fs";
import type { SimServicePrincipal, TenantState } from "./state";

// Multi-tenant applications registered with the simulated Entra ID (an app registration in its
// publisher's tenant): credentials (client secrets and certificates), exact redirect URIs and
// the Graph application permissions it asks admins to consent to. Registrations outlive a reset
// (they are configuration, like the app registration in the publisher's tenant); what consent
// made in a customer tenant (its service principal) is scenario state and is reset.

export type ApplicationConfig = {
  clientId: string;
  displayName?: string;
  /** Client secrets the app accepts. */
  secrets?: string[];
  /** Certificates (PEM, public part) whose private keys may sign client assertions. */
  certificates?: string[];
  /** Redirect URIs, matched exactly (learn.microsoft.com/entra/identity-platform/reply-url). */
  redirectUris?: string[];
  /** Graph application permissions the app requests: admin consent grants exactly these. */
  permissions?: string[];
};

export type RegisteredCertificate = { x5t: string; x5tS256: string; publicKey: KeyObject; notBefore: Date; notAfter: Date };

export type SimApplication = {
  clientId: string;
  displayName: string;
  secrets: string[];
  certificates: RegisteredCertificate[];
  redirectUris: string[];
  permissions: string[];
};

function registerCertificate(pem: string): RegisteredCertificate {
  const cert = new X509Certificate(pem);
  // x5t is the base64url SHA-1 of the DER certificate, x5t#S256 its SHA-256 (RFC 7515 §4.1.7–8).
  return {
    x5t: createHash("sha1").update(cert.raw).digest("base64url"),
    x5tS256: createHash("sha256").update(cert.raw).digest("base64url"),
    publicKey: cert.publicKey,
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
  };
}

export class ApplicationRegistry {
  private readonly apps = new Map<string, SimApplication>();

  register(config: ApplicationConfig): SimApplication {
    const app: SimApplication = {
      clientId: config.clientId.toLowerCase(),
      displayName: config.displayName ?? "Application",
      secrets: [...(config.secrets ?? [])],
      certificates: (config.certificates ?? []).map(registerCertificate),
      redirectUris: [...(config.redirectUris ?? [])],
      permissions: [...(config.permissions ?? [])],
    };
    this.apps.set(app.clientId, app);
    return app;
  }

  get(clientId: string | null | undefined): SimApplication | undefined {
    return clientId ? this.apps.get(clientId.toLowerCase()) : undefined;
  }
}

/** Registrations from a JSON file (an array of ApplicationConfig): how `npm run demo` registers Breachdesk's app. */
export function readApplicationsFile(file: string): ApplicationConfig[] {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected an array of applications`);
  return parsed as ApplicationConfig[];
}

export function servicePrincipalOf(tenant: TenantState, appId: string): SimServicePrincipal | undefined {
  return tenant.servicePrincipals?.find((sp) => sp.appId.toLowerCase() === appId.toLowerCase());
}

/** The app's service principal in the tenant, created (without application permissions) if missing. */
export function ensureServicePrincipal(
  tenant: TenantState,
  app: Pick<SimApplication, "clientId" | "displayName">,
  now: string,
): SimServicePrincipal {
  const existing = servicePrincipalOf(tenant, app.clientId);
  if (existing) return existing;
  const sp: SimServicePrincipal = {
    id: randomUUID(),
    appId: app.clientId,
    displayName: app.displayName,
    permissions: [],
    directoryRoles: [],
    createdDateTime: now,
  };
  (tenant.servicePrincipals ??= []).push(sp);
  return sp;
}

/**
 * Tenant-wide admin consent: the app's service principal now holds exactly the application
 * permissions the app requests, so its next token carries them as `roles`. Directory roles are
 * not granted by consent (learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent).
 */
export function grantAdminConsent(tenant: TenantState, app: SimApplication, now: string): SimServicePrincipal {
  const sp = ensureServicePrincipal(tenant, app, now);
  sp.permissions = [...app.permissions];
  return sp;
}
