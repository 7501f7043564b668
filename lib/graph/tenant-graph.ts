import "server-only";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/identity";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createCredential, createTenantGraph, graphWith, type GraphConnection, type TenantGraph } from "./client";
import { getDeploymentApp } from "./deployment-app";
import { credentialError } from "./errors";
import { recorderFor } from "./recording";

export type { TenantGraph } from "./client";

// One Graph client per tenant connection, cached per process (the credential caches its token).
// A tenant connects through Breachdesk's own app (admin consent; lib/graph/deployment-app.ts) or
// its own app registration (client id and encrypted secret). A disconnected tenant gets none:
// its tickets are read-only. A changed tenant row makes a new client.
const cache = ((globalThis as { __breachdeskGraph?: Map<string, TenantGraph> }).__breachdeskGraph ??= new Map());

const NOT_IN_TENANT = new Set(["AADSTS7000229", "AADSTS700016", "AADSTS650051", "AADSTS65001", "AADSTS500011", "AADSTS7000112"]);

/**
 * Breachdesk's app: a refused token says what to fix in this model, where the customer consents
 * and the deployment holds the credential (the generic messages speak of Admin → Tenants secrets).
 */
function explainRefusals(credential: TokenCredential): TokenCredential {
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      try {
        return await credential.getToken(scopes, options);
      } catch (error) {
        const refused = credentialError(error);
        if (!refused) throw error;
        const code = String(refused.details?.graphCode ?? "");
        const message = NOT_IN_TENANT.has(code)
          ? `Breachdesk's app is not consented in this tenant, or its consent was removed (${code}): the tenant's admin connects it again with Connect Microsoft 365.`
          : `Microsoft Entra refused Breachdesk's own app credential (${code}): its certificate or secret is not registered on the app or has expired. A platform admin must renew it; Admin → Tenants shows its expiry.`;
        throw new AppError("UPSTREAM_ERROR", message, refused.details);
      }
    },
  };
}

export async function getTenantGraph(
  db: Db,
  tenantId: string,
  options: Pick<GraphConnection, "simulatorUrl" | "retry" | "timeoutMs"> = {},
): Promise<TenantGraph> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: {
      entraTenantId: true,
      connectionKind: true,
      connectionMode: true,
      consentedAt: true,
      disconnectedAt: true,
      clientId: true,
      clientSecretEncrypted: true,
      updatedAt: true,
    },
  });
  if (!tenant) throw new AppError("NOT_FOUND", "Tenant not found.");
  if (tenant.disconnectedAt) {
    throw new AppError(
      "INVALID_STATE",
      "Breachdesk is disconnected from this tenant: its tickets are read-only. Its admin can connect it again.",
    );
  }
  const env = getEnv();
  const simulatorUrl = tenant.connectionKind === "SIMULATED" ? (options.simulatorUrl ?? env.GRAPH_SIMULATOR_URL) : undefined;
  const key = [
    tenantId,
    tenant.updatedAt.toISOString(),
    simulatorUrl ?? "graph",
    options.retry?.delaySeconds ?? "",
    options.timeoutMs ?? "",
  ].join("|");
  const cached = cache.get(key);
  if (cached) return cached;
  let graph: TenantGraph;
  if (tenant.connectionMode === "DEPLOYMENT_APP") {
    if (!tenant.entraTenantId || !tenant.consentedAt) {
      throw new AppError(
        "INVALID_STATE",
        "This tenant is not connected yet: its admin connects it with Connect Microsoft 365 on the tenant's page.",
      );
    }
    const app = await getDeploymentApp().catch(() => {
      throw new AppError(
        "INVALID_STATE",
        "Breachdesk's app credentials cannot be read: a platform admin must fix them (Admin → Tenants says why).",
      );
    });
    if (!app)
      throw new AppError(
        "INVALID_STATE",
        "Breachdesk's own app is not configured on this deployment (BREACHDESK_APP_CLIENT_ID and a certificate).",
      );
    const connection: GraphConnection = {
      tenantId: tenant.entraTenantId,
      clientId: app.clientId,
      credentials: app.credentials,
      simulatorUrl,
      ...options,
    };
    graph = graphWith(connection, explainRefusals(createCredential(connection)), { beforeSend: recorderFor(env.GRAPH_RECORD_DIR) });
  } else {
    if (!tenant.entraTenantId || !tenant.clientId || !tenant.clientSecretEncrypted) {
      throw new AppError(
        "INVALID_STATE",
        "This tenant has no Graph connection yet: a platform admin must add its app client id and secret.",
      );
    }
    graph = createTenantGraph(
      {
        tenantId: tenant.entraTenantId,
        clientId: tenant.clientId,
        clientSecret: decryptSecret(tenant.clientSecretEncrypted, env.BREACHDESK_ENCRYPTION_KEY),
        simulatorUrl,
        ...options,
      },
      { beforeSend: recorderFor(env.GRAPH_RECORD_DIR) },
    );
  }
  cache.set(key, graph);
  return graph;
}
