import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getDeploymentApp } from "@/lib/graph/deployment-app";
import { createAttempt, recordOutcome, spendAttempt, type Refusal } from "./connect-attempts";
import { adminConsentUrl, authorityFor, microsoftError, redirectUris } from "./connect-urls";
import { findConnectableTenant } from "./connection-access";
import { runConnectionCheck, type CheckDeps } from "./connection-check";

// "Connect Microsoft 365": the tenant's admin (or a platform admin) is sent to Microsoft's
// admin-consent endpoint for Breachdesk's app, and Microsoft sends them back to the callback with
// admin_consent=True&tenant=<tid> or error=… (learn.microsoft.com/entra/identity-platform/v2-admin-consent).
// The callback binds the consenting Entra tenant to the Breachdesk tenant — never one that
// belongs to another Breachdesk tenant, never another one than the tenant was bound to — and
// runs the connection check at once.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function appUrl(): string {
  const url = getEnv().NEXTAUTH_URL;
  if (!url) throw new AppError("INVALID_STATE", "NEXTAUTH_URL is not set: Breachdesk cannot tell Microsoft where to send the admin back.");
  return url;
}

/** The part of a sign-in URL both flows share: the tenant's authority, Breachdesk's app, and where Microsoft sends the admin back. */
export function signInTarget<T extends string | null>(
  connectionKind: "SIMULATED" | "ENTRA",
  entraTenantId: T,
  clientId: string,
  back: "consent" | "setup",
) {
  return {
    authority: authorityFor(connectionKind, getEnv().GRAPH_SIMULATOR_URL),
    entraTenantId,
    clientId,
    redirectUri: redirectUris(appUrl())[back],
  };
}

export async function requireDeploymentApp() {
  const app = await getDeploymentApp().catch(() => null);
  if (!app)
    throw new AppError(
      "INVALID_STATE",
      "Breachdesk's own app is not configured on this deployment: a platform admin sets BREACHDESK_APP_CLIENT_ID and its certificate (README, “Connecting a real tenant”).",
    );
  return app;
}

export async function startConsent(db: Db, viewer: Viewer, tenantId: string): Promise<{ url: string }> {
  const tenant = await findConnectableTenant(db, viewer, tenantId, {
    id: true,
    connectionKind: true,
    connectionMode: true,
    entraTenantId: true,
    primaryDomain: true,
  });
  if (tenant.connectionMode !== "DEPLOYMENT_APP") {
    throw new AppError(
      "INVALID_STATE",
      "This tenant connects through its own app registration: a platform admin switches it to Breachdesk's app first (Admin → Tenants).",
    );
  }
  const app = await requireDeploymentApp();
  const state = await db.$transaction(async (tx) => {
    const signed = await createAttempt(tx, viewer, tenant.id, "CONSENT");
    await recordAuditEvent(tx, { actorId: viewer.id, tenantId: tenant.id, action: "tenant.consent_started", target: tenant.primaryDomain });
    return signed;
  });
  return { url: adminConsentUrl({ ...signInTarget(tenant.connectionKind, tenant.entraTenantId, app.clientId, "consent"), state }) };
}

export type CallbackResult = { tenantId: string; attemptId: string } | { refused: Refusal };

/** Refused bindings, in words: they are Breachdesk's decisions, not Microsoft's. */
const OTHER_BREACHDESK_TENANT =
  "This Microsoft 365 tenant is already connected to another Breachdesk tenant, so it was not connected here. Ask a platform admin.";
const wrongTenant = (expected: string, got: string) =>
  `The consent was given in another Microsoft 365 tenant (${got}) than the one this tenant is bound to (${expected}). Sign in with an administrator of the right tenant.`;

async function bind(db: Db, viewer: Viewer, tenantId: string, entraTenantId: string): Promise<string | null> {
  try {
    return await db.$transaction(async (tx) => {
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { entraTenantId: true, primaryDomain: true } });
      if (tenant.entraTenantId && tenant.entraTenantId !== entraTenantId) return wrongTenant(tenant.entraTenantId, entraTenantId);
      if (await tx.tenant.count({ where: { entraTenantId, NOT: { id: tenantId } } })) return OTHER_BREACHDESK_TENANT;
      await tx.tenant.update({
        where: { id: tenantId },
        data: {
          entraTenantId,
          connectionMode: "DEPLOYMENT_APP",
          consentedAt: new Date(),
          consentedById: viewer.id,
          disconnectedAt: null,
          disconnectedById: null,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        tenantId,
        action: "tenant.consented",
        target: tenant.primaryDomain,
        details: { entraTenantId },
      });
      return null;
    });
  } catch (error) {
    // Two Breachdesk tenants consented for the same Entra tenant at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return OTHER_BREACHDESK_TENANT;
    throw error;
  }
}

export async function completeConsent(
  db: Db,
  viewer: Viewer | null,
  params: URLSearchParams,
  deps: CheckDeps = {},
): Promise<CallbackResult> {
  const attempt = await spendAttempt(db, viewer, params.get("state"), "CONSENT");
  if ("refused" in attempt) return attempt;
  const user = viewer!;
  const done = { tenantId: attempt.tenantId, attemptId: attempt.id };
  // The user must still be allowed to connect this tenant (a role may have changed meanwhile).
  if (!hasPermission(user.role, "tenants.connect") || (user.role === "TENANT_ADMIN" && user.tenantId !== attempt.tenantId)) {
    await recordOutcome(db, attempt.id, { outcome: "REFUSED", code: "not-allowed", detail: "You may no longer connect this tenant." });
    return done;
  }
  const failed = microsoftError(params);
  if (failed) {
    await db.$transaction(async (tx) => {
      await recordOutcome(tx, attempt.id, { outcome: "FAILED", code: failed.code, detail: failed.description });
      await recordAuditEvent(tx, {
        actorId: user.id,
        tenantId: attempt.tenantId,
        action: "tenant.consent_failed",
        result: "FAILED",
        details: { error: failed.code },
      });
    });
    return done;
  }
  const entraTenantId = (params.get("tenant") ?? "").toLowerCase();
  if (params.get("admin_consent")?.toLowerCase() !== "true" || !GUID.test(entraTenantId)) {
    await recordOutcome(db, attempt.id, {
      outcome: "FAILED",
      code: "no-consent",
      detail: "Microsoft's answer did not say that consent was granted.",
    });
    return done;
  }
  const refusal = await bind(db, user, attempt.tenantId, entraTenantId);
  if (refusal) {
    await db.$transaction(async (tx) => {
      await recordOutcome(tx, attempt.id, { outcome: "REFUSED", code: "tenant-bound", detail: refusal });
      await recordAuditEvent(tx, {
        actorId: user.id,
        tenantId: attempt.tenantId,
        action: "tenant.consent_refused",
        result: "DENIED",
        details: { entraTenantId },
      });
    });
    return done;
  }
  await recordOutcome(db, attempt.id, { outcome: "SUCCEEDED" });
  await runConnectionCheck(db, attempt.tenantId, "CONSENT", user.id, deps);
  return done;
}
