import "server-only";
import { recordAuditEvent } from "@/lib/audit/record";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { createDelegatedGraph, type TenantGraph } from "@/lib/graph/client";
import { ROLE_TEMPLATES } from "@/lib/graph/connection-checklist";
import { runConnectionSetup, type SetupPlan } from "@/lib/graph/connection-setup";
import { newPkcePair, redeemAuthorizationCode } from "@/lib/graph/delegated-sign-in";
import { createAttempt, recordOutcome, spendAttempt } from "./connect-attempts";
import { authorityFor, authorizeUrl, microsoftError, redirectUris, setupScopes } from "./connect-urls";
import { findConnectableTenant } from "./connection-access";
import { latestConnectionCheck, runConnectionCheck, type CheckDeps } from "./connection-check";
import { appUrl, requireDeploymentApp, signInTarget, type CallbackResult } from "./consent";

// "Set this up for me": what consent cannot grant, done with the tenant admin's own delegated
// sign-in (authorization code + PKCE; lib/graph/delegated-sign-in.ts), asking only for the scopes
// the missing items need. The plan is fixed when the admin starts (from the last check) and
// stored with the attempt, with the PKCE verifier, encrypted, server-side: the browser only ever
// carries the state and the challenge. The tenant the admin signs in to must be the bound one.

type StoredPlan = { plan: SetupPlan; scopes: string[] };

const ROLES = {
  userAdministrator: { key: "userAdministrator", templateId: ROLE_TEMPLATES.userAdministrator, name: "User Administrator" },
  privilegedAuthentication: {
    key: "privilegedAuthentication",
    templateId: ROLE_TEMPLATES.privilegedAuthenticationAdministrator,
    name: "Privileged Authentication Administrator",
  },
} as const;

export async function startSetup(db: Db, viewer: Viewer, tenantId: string, options: { privileged: boolean }): Promise<{ url: string }> {
  const tenant = await findConnectableTenant(db, viewer, tenantId, {
    id: true,
    connectionKind: true,
    connectionMode: true,
    entraTenantId: true,
    consentedAt: true,
    disconnectedAt: true,
    servicePrincipalId: true,
    primaryDomain: true,
  });
  if (tenant.connectionMode !== "DEPLOYMENT_APP" || !tenant.entraTenantId || !tenant.consentedAt || tenant.disconnectedAt) {
    throw new AppError("INVALID_STATE", "Connect Microsoft 365 first: the setup works on a tenant that consented to Breachdesk's app.");
  }
  const check = await latestConnectionCheck(db, tenant.id);
  if (!check?.connected || !tenant.servicePrincipalId)
    throw new AppError(
      "INVALID_STATE",
      "Check the connection first: Breachdesk must see its app in the tenant before it can set up the rest.",
    );
  const missing = (key: string) => check.items.some((i) => i.key === key && i.state !== "done");
  const roles = [
    ...(missing("userAdministrator") ? [ROLES.userAdministrator] : []),
    ...(options.privileged && missing("privilegedAuthentication") ? [ROLES.privilegedAuthentication] : []),
  ];
  const plan: SetupPlan = {
    servicePrincipalId: tenant.servicePrincipalId,
    roles: roles.map((r) => ({ ...r })),
    createMessageTrace: missing("messageTrace"),
  };
  if (!plan.roles.length && !plan.createMessageTrace)
    throw new AppError("INVALID_STATE", "Nothing is missing that Breachdesk can set up: check again if something changed in the tenant.");
  const scopes = setupScopes({ roles: plan.roles.length > 0, servicePrincipal: plan.createMessageTrace });
  const app = await requireDeploymentApp();
  const pkce = await newPkcePair();
  const env = getEnv();
  const state = await db.$transaction(async (tx) => {
    const signed = await createAttempt(tx, viewer, tenant.id, "SETUP", {
      codeVerifierEncrypted: encryptSecret(pkce.verifier, env.BREACHDESK_ENCRYPTION_KEY),
      options: { plan, scopes } satisfies StoredPlan,
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: tenant.id,
      action: "tenant.setup_started",
      target: tenant.primaryDomain,
      details: { roles: plan.roles.map((r) => r.name), messageTrace: plan.createMessageTrace },
    });
    return signed;
  });
  return {
    url: authorizeUrl({
      ...signInTarget(tenant.connectionKind, tenant.entraTenantId, app.clientId, "setup"),
      state,
      scopes,
      codeChallenge: pkce.challenge,
    }),
  };
}

export type SetupDeps = CheckDeps & { delegatedGraph?: (accessToken: string) => TenantGraph };

export async function completeSetup(db: Db, viewer: Viewer | null, params: URLSearchParams, deps: SetupDeps = {}): Promise<CallbackResult> {
  const attempt = await spendAttempt(db, viewer, params.get("state"), "SETUP");
  if ("refused" in attempt) return attempt;
  const user = viewer!;
  const done = { tenantId: attempt.tenantId, attemptId: attempt.id };
  const fail = async (outcome: "FAILED" | "REFUSED", code: string, detail: string) => {
    await db.$transaction(async (tx) => {
      await recordOutcome(tx, attempt.id, { outcome, code, detail });
      await recordAuditEvent(tx, {
        actorId: user.id,
        tenantId: attempt.tenantId,
        action: "tenant.setup_failed",
        result: outcome === "REFUSED" ? "DENIED" : "FAILED",
        details: { code },
      });
    });
    return done;
  };
  if (!hasPermission(user.role, "tenants.connect") || (user.role === "TENANT_ADMIN" && user.tenantId !== attempt.tenantId))
    return fail("REFUSED", "not-allowed", "You may no longer set up this tenant.");
  const failed = microsoftError(params);
  if (failed) return fail("FAILED", failed.code, failed.description);
  const code = params.get("code");
  if (!code || !attempt.codeVerifierEncrypted) return fail("FAILED", "no-code", "Microsoft's answer carried no authorization code.");
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: attempt.tenantId },
    select: { connectionKind: true, entraTenantId: true, disconnectedAt: true },
  });
  if (!tenant.entraTenantId || tenant.disconnectedAt) return fail("REFUSED", "not-connected", "The tenant is not connected any more.");
  const { plan, scopes } = attempt.options as unknown as StoredPlan;
  const env = getEnv();
  const authority = authorityFor(tenant.connectionKind, env.GRAPH_SIMULATOR_URL);
  let graph: TenantGraph;
  try {
    const app = await requireDeploymentApp();
    const token = await redeemAuthorizationCode({
      authorityHost: authority,
      tenantId: tenant.entraTenantId,
      clientId: app.clientId,
      credentials: app.credentials,
      code,
      redirectUri: redirectUris(appUrl()).setup,
      codeVerifier: decryptSecret(attempt.codeVerifierEncrypted, env.BREACHDESK_ENCRYPTION_KEY),
      scopes,
    });
    // The admin must have signed in to this tenant, not another one they also administer.
    if (token.tenantId.toLowerCase() !== tenant.entraTenantId)
      return fail(
        "REFUSED",
        "wrong-tenant",
        `You signed in to another Microsoft 365 tenant (${token.tenantId}) than this one (${tenant.entraTenantId}).`,
      );
    graph =
      deps.delegatedGraph?.(token.accessToken) ??
      createDelegatedGraph(
        { tenantId: tenant.entraTenantId, simulatorUrl: tenant.connectionKind === "SIMULATED" ? authority : undefined },
        { token: token.accessToken, expiresOnTimestamp: token.expiresOnTimestamp },
      );
  } catch (error) {
    if (!isAppError(error)) throw error;
    return fail("FAILED", String(error.details?.graphCode ?? "sign-in"), error.message);
  }
  const steps = await runConnectionSetup(graph, plan);
  const ok = steps.every((s) => s.ok);
  await db.$transaction(async (tx) => {
    await recordOutcome(tx, attempt.id, {
      outcome: ok ? "SUCCEEDED" : "FAILED",
      code: ok ? null : "setup-step",
      detail: steps.map((s) => `${s.ok ? "Done" : "Failed"}: ${s.message}`).join("\n"),
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      tenantId: attempt.tenantId,
      action: "tenant.setup",
      result: ok ? "SUCCEEDED" : "FAILED",
      details: { steps: steps.map((s) => ({ step: s.key, ok: s.ok })) },
      requestIds: steps.flatMap((s) => (s.requestId ? [s.requestId] : [])),
    });
  });
  await runConnectionCheck(db, attempt.tenantId, "SETUP", user.id, deps);
  return done;
}
